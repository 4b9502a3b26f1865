package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.identity.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A notification that could not be sent for longer than give-up-after (3 days) is marked FAILED,
 * is no longer tried, shows in the metric notifications.failed, and goes out after a manual
 * retry ({@code POST /api/notifications/{id}/retry}, whose HTTP side NotificationApiIT covers); the
 * give-up period counts again from the retry.
 */
class NotificationGiveUpTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);

  static final Caller ADMIN = new Caller("admin-test", List.of("camunda-admin"));

  @Autowired
  MeterRegistry meters;
  @Autowired
  NotificationController api;

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

    // a FAILED notification is not tried again
    clockAt(REFERRAL.plusDays(10));
    assertThat(sendAll()).isZero();
    assertThat(reload(entry).attempts()).isEqualTo(3);

    // POST /api/notifications/{id}/retry while the mail server is still down: the give-up period
    // counts again from the retry, so the failed attempt leaves it PENDING (retries go on)
    NotificationController.NotificationView view = api.retry(entry.id(), ADMIN);
    assertThat(view.status()).isEqualTo(Outbox.Status.PENDING);
    assertThat(view.retriedBy()).isEqualTo("admin-test");
    assertThat(view.retriedAt()).isEqualTo(at(REFERRAL.plusDays(10).atTime(9, 0)));
    assertThat(failedGauge()).isZero();
    assertThat(sender.sendDue()).isZero();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.PENDING);
    assertThat(reload(entry).attempts()).isEqualTo(4);
    assertThat(notificationIncidents(main)).as("still the one incident").hasSize(1);
    assertThatThrownBy(() -> api.retry(entry.id(), ADMIN)).as("only a FAILED notification can be put back")
        .isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));

    // the mail server is back: the next attempt (8 minutes later) sends it
    SMTP.start();
    clockAt(REFERRAL.plusDays(10).atTime(9, 8));
    assertThat(sender.sendDue()).isEqualTo(1);
    Outbox.Entry sent = reload(entry);
    assertThat(sent.status()).isEqualTo(Outbox.Status.SENT);
    assertThat(sent.sentAt()).isEqualTo(at(REFERRAL.plusDays(10).atTime(9, 8)));
    assertThat(sent.attempts()).isEqualTo(5);
    assertThat(byMessageId().get(expectedMessageId(entry))).hasSize(1);
    assertThat(received()).hasSize(1);
    assertThat(notificationIncidents(main)).as("resolved when the mail went out").isEmpty();
    assertThat(failedGauge()).isZero();

    assertThatThrownBy(() -> api.retry(entry.id(), ADMIN))
        .isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThatThrownBy(() -> api.retry("no-such-notification", ADMIN))
        .isInstanceOfSatisfying(ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    clockAt(REFERRAL.plusDays(11));
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(1);
  }

  @Test
  void aRetriedNotificationThatStillCannotBeSentFailsAgainAfterGiveUpAfter() {
    SMTP.stop();
    Journey j = newCase(REFERRAL);
    Outbox.Entry entry = rows(j.caseRef()).get(0);
    for (int day = 0; day <= 3; day++) {
      clockAt(REFERRAL.plusDays(day).atTime(9, 30));
      sender.sendDue();
    }
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.FAILED);

    clockAt(REFERRAL.plusDays(6));
    api.retry(entry.id(), ADMIN);
    clockAt(REFERRAL.plusDays(9).atTime(9, 0)); // exactly 3 days after the retry: not yet
    sender.sendDue();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.PENDING);
    clockAt(REFERRAL.plusDays(9).atTime(10, 0));
    sender.sendDue();
    assertThat(reload(entry).status()).isEqualTo(Outbox.Status.FAILED);
    assertThat(failedGauge()).isEqualTo(1.0);
    assertThat(received()).isEmpty();
  }

  private static Instant at(LocalDateTime time) {
    return time.atZone(Journey.ZONE).toInstant();
  }

  private double failedGauge() {
    return meters.get("notifications.failed").gauge().value();
  }
}
