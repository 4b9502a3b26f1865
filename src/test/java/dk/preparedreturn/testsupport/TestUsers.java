package dk.preparedreturn.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Caseworkers for process tests (the demo users exist only on the embedded default). */
public final class TestUsers {

  public static final String CMM_CASEWORKER = "cmm-test";
  public static final String DIS_CASEWORKER = "us-test";
  public static final String HJS_CASEWORKER = "hjs-test";
  public static final String DRC_CASEWORKER = "drc-test";
  public static final String PARTNER_NG = "ng-test";
  public static final String PARTNER_TH = "th-test";
  public static final String POLICE = "pol-test";

  /** The test caseworker of each group. */
  public static final java.util.Map<String, String> BY_GROUP = java.util.Map.of(
      "cmm", CMM_CASEWORKER, "udlaendingestyrelsen", DIS_CASEWORKER, "hjemrejsestyrelsen", HJS_CASEWORKER,
      "drc", DRC_CASEWORKER, "partner-ng", PARTNER_NG, "partner-th", PARTNER_TH, "politi", POLICE);

  private TestUsers() {
  }

  /** The group of a test caseworker. */
  /** The value of an HTTP Basic {@code Authorization} header. */
  public static String basicAuth(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String groupOf(String userId) {
    return BY_GROUP.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(java.util.Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no test caseworker: " + userId));
  }

  public static void ensure(IdentityService identity) {
    ensure(identity, CMM_CASEWORKER, "cmm");
    ensure(identity, DIS_CASEWORKER, "udlaendingestyrelsen");
    ensure(identity, HJS_CASEWORKER, "hjemrejsestyrelsen");
    ensure(identity, DRC_CASEWORKER, "drc");
    ensure(identity, PARTNER_NG, "partner-ng");
    ensure(identity, PARTNER_TH, "partner-th");
    ensure(identity, POLICE, "politi");
  }

  /** A user with the given password in the given group, created unless it exists; returns its id. */
  public static String ensure(IdentityService identity, String id, String group, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
    return id;
  }

  private static void ensure(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Test");
      user.setLastName(group);
      user.setEmail(id + "@example.org");
      // meets the production password policy (which also forbids the user's names in the password)
      user.setPassword("Caseworker-Pw-" + id.length() + "x!");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
