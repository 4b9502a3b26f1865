package dk.preparedreturn.users;

import dk.preparedreturn.identity.Groups;
import java.util.List;

/**
 * Demo users of the embedded default, one or more per actor group, all with password {@code demo}.
 * They are created only when {@code app.demo.enabled} is true, which the start-up guard refuses
 * outside the embedded default. The README lists them.
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {
  }

  public static final List<DemoUser> ALL = List.of(
      new DemoUser("us-ida", "Ida", "Udlændingestyrelsen", "us-ida@example.org", List.of(Groups.UDLAENDINGESTYRELSEN)),
      new DemoUser("cmm-karen", "Karen", "CMM", "cmm-karen@example.org", List.of(Groups.CMM)),
      new DemoUser("cmm-mads", "Mads", "CMM", "cmm-mads@example.org", List.of(Groups.CMM)),
      new DemoUser("hjs-henrik", "Henrik", "Hjemrejsestyrelsen", "hjs-henrik@example.org", List.of(Groups.HJEMREJSESTYRELSEN)),
      new DemoUser("drc-dorte", "Dorte", "DRC", "drc-dorte@example.org", List.of(Groups.DRC)),
      new DemoUser("pol-peter", "Peter", "Politiet", "pol-peter@example.org", List.of(Groups.POLITI)),
      new DemoUser("ng-ngozi", "Ngozi", "Partner Nigeria", "ng-ngozi@example.org", List.of("partner-ng")),
      new DemoUser("ng-tunde", "Tunde", "Partner Nigeria, Lagos", "ng-tunde@example.org", List.of("partner-ng-lagos")),
      new DemoUser("th-somchai", "Somchai", "Partner Thailand", "th-somchai@example.org", List.of("partner-th")),
      new DemoUser("ug-grace", "Grace", "Partner Uganda", "ug-grace@example.org", List.of("partner-ug")),
      new DemoUser("ro-ioana", "Ioana", "Partner Romania", "ro-ioana@example.org", List.of("partner-ro")),
      new DemoUser("po-pia", "Pia", "Procesejer", "po-pia@example.org", List.of(Groups.PROCESS_OWNERS)),
      new DemoUser("mgr-lars", "Lars", "Ledelse", "mgr-lars@example.org", List.of(Groups.MANAGERS)));

  private DemoUsers() {
  }

  public static List<String> ids() {
    return ALL.stream().map(DemoUser::id).toList();
  }
}
