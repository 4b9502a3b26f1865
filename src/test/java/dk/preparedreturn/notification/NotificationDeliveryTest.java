package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.Journey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * What "exactly once" means between the SMTP server and the outbox. The mail server accepted a
 * mail, then recording it as sent fails:
 *
 * <ul>
 *   <li>with a database error on a node that lives on: the node keeps the mail in memory, records
 *       it when the database answers again, claims nothing new before that, and the mail is never
 *       sent twice;</li>
 *   <li>because the node dies: after its claim expires (lock time, 2 minutes) another node sends
 *       the mail again with the same Message-ID (at least once), counted in
 *       {@code notifications.unclear.resent}.</li>
 * </ul>
 *
 * Several nodes are played by senders with their own node names over the same outbox.
 */
class NotificationDeliveryTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);

  @Autowired
  ApplicationContext context;
  @Autowired
  MeterRegistry meters;

  @Test
  void aDatabaseErrorAfterTheMailWentOutIsRecordedLaterAndTheMailIsNotSentAgain() {
    assertThat(properties.lockTime()).isEqualTo(Duration.ofMinutes(2));
    Journey j = newCase(REFERRAL); // 09:00: "Gennemfør screening" announced to CMM
    Outbox.Entry screening = rows(j.caseRef()).get(0);
    FlakyOutbox flaky = new FlakyOutbox();
    NotificationSender nodeA = node(flaky, "node-a");

    flaky.failMarkSent.set(true);
    assertThat(nodeA.sendDue()).as("the mail went out").isEqualTo(1);
    assertThat(delivered("cmm@example.org", screening)).isNotNull();
    assertThat(reload(screening).status()).as("not recorded").isEqualTo(Outbox.Status.PENDING);

    // meanwhile a new notification is queued; while the database still fails, node A claims nothing
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    Outbox.Entry decision = rows(j.caseRef()).get(1);
    assertThat(nodeA.sendDue()).isZero();
    assertThat(reload(decision).attempts()).isZero();
    assertThat(received()).hasSize(1);

    // the database answers again: the sent mail is recorded first, then the new one is sent
    flaky.failMarkSent.set(false);
    clockAt(REFERRAL.atTime(9, 1));
    assertThat(nodeA.sendDue()).isEqualTo(1);
    Outbox.Entry recorded = reload(screening);
    assertThat(recorded.status()).isEqualTo(Outbox.Status.SENT);
    assertThat(recorded.sentAt()).as("when it went out").isEqualTo(at(REFERRAL.atTime(9, 0)));
    assertThat(recorded.attempts()).isEqualTo(1);
    assertThat(reload(decision).status()).isEqualTo(Outbox.Status.SENT);

    // long after the claim would have expired, no node sends it again
    clockAt(REFERRAL.atTime(10, 0));
    assertThat(sendAll()).isZero();
    assertThat(node(outbox, "node-b").sendDue()).isZero();
    assertThat(byMessageId().get(expectedMessageId(screening))).as("exactly once").hasSize(1);
    assertThat(received()).hasSize(1 + decision.recipients().size());
  }

  @Test
  void aNodeThatDiesAfterTheMailWentOutLeavesItToAnotherNodeThatSendsItAgainWithTheSameMessageId() {
    Journey j = newCase(REFERRAL);
    Outbox.Entry screening = rows(j.caseRef()).get(0);
    FlakyOutbox dying = new FlakyOutbox();
    dying.failMarkSent.set(true);
    assertThat(node(dying, "node-a").sendDue()).isEqualTo(1); // node A sent it, then died before the record
    double unclearBefore = meters.get("notifications.unclear.resent").counter().count();

    clockAt(REFERRAL.atTime(9, 1)); // node A's claim holds for 2 minutes: nobody sends it
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(1);

    clockAt(REFERRAL.atTime(9, 3)); // expired: this node sends it again
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(reload(screening).status()).isEqualTo(Outbox.Status.SENT);
    List<MimeMessage> copies = byMessageId().get(expectedMessageId(screening));
    assertThat(copies).as("at least once: two deliveries with the same Message-ID").hasSize(2);
    assertThat(copies).extracting(NotificationTestSupport::subject).containsOnly(subject(copies.get(0)));
    assertThat(meters.get("notifications.unclear.resent").counter().count()).isEqualTo(unclearBefore + 1);

    clockAt(REFERRAL.atTime(12, 0));
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(2);
  }

  private NotificationSender node(Outbox outboxOfNode, String name) {
    return new NotificationSender(outboxOfNode, context.getBeanProvider(JavaMailSender.class), properties, cases,
        context.getBean(dk.preparedreturn.process.Incidents.class), new SimpleMeterRegistry(),
        context.getBean(java.time.Clock.class), name);
  }

  private static java.time.Instant at(LocalDateTime time) {
    return time.atZone(Journey.ZONE).toInstant();
  }

  /** The outbox whose "mark sent" fails like a database that went away, while asked to. */
  class FlakyOutbox extends Outbox {
    final AtomicBoolean failMarkSent = new AtomicBoolean();

    FlakyOutbox() {
      super(jdbc);
    }

    @Override
    public boolean markSent(String id, String node, java.time.Instant now) {
      if (failMarkSent.get()) {
        throw new DataAccessResourceFailureException("connection lost (test)");
      }
      return super.markSent(id, node, now);
    }
  }
}
