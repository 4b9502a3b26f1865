package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;

/**
 * The harness of the attack tests (HostileUsersIT, DocumentsIT): an attack is refused with the
 * expected status, its answer names no internal class or stack frame, and the database is the same
 * afterwards (a snapshot of every table before and after); next to it the legitimate action still
 * works. One place for what "refused and nothing changed" means.
 */
public final class Attacks {

  /** A check of the refusal's body. */
  public interface BodyCheck {
    void check(String body) throws Exception;
  }

  /** A check or an action that may throw. */
  public interface Check {
    void check() throws Exception;
  }

  /** The state that must not change: e.g. every table's count and hash. */
  public interface Snapshot {
    Map<String, String> take() throws Exception;
  }

  private final Snapshot snapshot;
  private final AtomicInteger tried = new AtomicInteger();

  public Attacks(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  public DynamicTest refused(String name, int status, Callable<HttpResponse<String>> attack, Check... alsoUnchanged) {
    return refused(name, status, attack, body -> { }, alsoUnchanged);
  }

  public DynamicTest refused(String name, int status, Callable<HttpResponse<String>> attack, BodyCheck body,
      Check... alsoUnchanged) {
    return DynamicTest.dynamicTest("refused: " + name, () -> {
      Map<String, String> before = snapshot.take();
      HttpResponse<String> response = attack.call();
      assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(status);
      assertThat(response.body()).as("the error names no internal class").doesNotContain("org.camunda.bpm.engine.impl",
          "java.lang.", "dk.preparedreturn.", "\tat ");
      body.check(response.body());
      assertThat(snapshot.take()).as(name + ": nothing changed").isEqualTo(before);
      for (Check check : alsoUnchanged) {
        check.check();
      }
      tried.incrementAndGet();
    });
  }

  public static DynamicTest legitimate(String name, Check action) {
    return DynamicTest.dynamicTest("still works: " + name, action::check);
  }

  /** How many attacks were tried and refused so far. */
  public int tried() {
    return tried.get();
  }
}
