package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The mail catcher on its own: by default on a free port (two catchers on one machine get two
 * ports), a taken port stops the start with a message naming it; and when it runs at all.
 */
class MailCatcherTest {

  @Test
  void twoCatchersOnOneMachineListenOnPortsOfTheirOwn() {
    MailCatcher first = new MailCatcher(0);
    MailCatcher second = new MailCatcher(0);
    try {
      assertThat(first.port()).isPositive();
      assertThat(second.port()).isPositive().isNotEqualTo(first.port());
      assertThat(first.caught()).isEmpty();
    } finally {
      first.destroy();
      second.destroy();
    }
  }

  @Test
  void aTakenPortStopsTheStartInsteadOfSharingAnotherInstancesCatcher() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> new MailCatcher(taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("app.mail-catcher.port");
    }
  }

  @Test
  void runsOnTheEmbeddedDefaultWithoutMailHostOnly() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(MailCatcherCondition.enabled(new MockEnvironment(), loader)).as("not enabled").isFalse();
    assertThat(MailCatcherCondition.enabled(new MockEnvironment().withProperty("app.mail-catcher.enabled", "false"),
        loader)).isFalse();
    assertThat(MailCatcherCondition.enabled(new MockEnvironment().withProperty("app.mail-catcher.enabled", "true")
        .withProperty("spring.mail.host", ""), loader)).as("embedded default, no MAIL_HOST").isTrue();
    assertThat(MailCatcherCondition.enabled(new MockEnvironment().withProperty("app.mail-catcher.enabled", "true")
        .withProperty("spring.mail.host", "mailpit"), loader)).as("MAIL_HOST set: real SMTP").isFalse();
    ClassLoader withoutGreenMail = new ClassLoader(null) {
    };
    assertThat(MailCatcherCondition.enabled(new MockEnvironment().withProperty("app.mail-catcher.enabled", "true"),
        withoutGreenMail)).as("GreenMail absent, as in the packaged jar").isFalse();
  }
}
