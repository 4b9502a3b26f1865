package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.Journey;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notification that could not be sent for longer than give-up-after (3 days) is marked FAILED,
 * is no longer tried, shows in the metric notifications.failed, and goes out after a manual
 * retry.
 */
class NotificationGiveUpTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);

  @Autowired
  MeterRegistry meters;

  @Test
  void aNotificationOlderThanGiveUpAfterFailsAndAManualRetrySendsIt() {
    assertThat(properties.giveUpAfter()).isEqualTo(Duration.ofDays(3));
    SMTP.stop();
    Journey j = newCase(REFERRAL); // 2 March 09:00
    String main = j.main().getId();
    Outbox.Entry entry = rows(j.caseRef()).get(0);
    assertThat(rows()).hasSize(1);
    assertThat(failedGauge()).isZero();

    assertThat(sender.sendDue()).isZero();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.PENDING);

    clockAt(REFERRAL.plusDays(3).atTime(9, 0)); // exactly 3 days old: not yet given up
    assertThat(sender.sendDue()).isZero();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.PENDING);
    assertThat(reload(entry).attempts()).isEqualTo(2);
    assertThat(failedGauge()).isZero();

    clockAt(REFERRAL.plusDays(3).atTime(9, 2)); // the next attempt (2 minutes later), now older than 3 days
    assertThat(sender.sendDue()).isZero();
    Outbox.Entry failed = reload(entry);
    assertThat(failed.status()).isEqualTo(Outbox.Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failedGauge()).isEqualTo(1.0);
    assertThat(meters.get("notifications.pending").gauge().value()).isZero();
    assertThat(notificationIncidents(main)).as("three failed attempts: an incident on the case")
        .extracting(i -> i.getConfiguration()).containsExactly(entry.id());

    // a FAILED notification is not tried again, even with the mail server back
    SMTP.start();
    clockAt(REFERRAL.plusDays(10));
    assertThat(sendAll()).isZero();
    assertThat(reload(entry).attempts()).isEqualTo(3);
    assertThat(received()).isEmpty();

    // POST /api/notifications/{id}/retry
    assertThat(outbox.retry(entry.id(), REFERRAL.plusDays(10).atTime(9, 0).atZone(Journey.ZONE).toInstant()))
        .isTrue();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.PENDING);
    assertThat(failedGauge()).isZero();
    assertThat(sender.sendDue()).isEqualTo(1);
    Outbox.Entry sent = reload(entry);
    assertThat(sent.status()).isEqualTo(Outbox.Status.SENT);
    assertThat(sent.sentAt()).isEqualTo(LocalDateTime.of(2026, 3, 12, 9, 0).atZone(Journey.ZONE).toInstant());
    assertThat(byMessageId().get(expectedMessageId(entry))).hasSize(1);
    assertThat(received()).hasSize(1);
    assertThat(notificationIncidents(main)).as("resolved when the mail went out").isEmpty();
    assertThat(failedGauge()).isZero();

    assertThat(outbox.retry(entry.id(), REFERRAL.plusDays(11).atStartOfDay(Journey.ZONE).toInstant()))
        .as("only a FAILED notification can be retried").isFalse();
    clockAt(REFERRAL.plusDays(11));
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(1);
  }

  private double failedGauge() {
    return meters.get("notifications.failed").gauge().value();
  }
}
