package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.Journey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly purge deletes sent notifications {@code NOTIFICATION_RETENTION} (90 days) after they
 * were sent; pending and failed ones stay whatever their age.
 */
class NotificationPurgeTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);

  @Autowired
  OutboxPurge purge;

  @Test
  void sentNotificationsAreDeletedAfterTheRetentionPeriodPendingAndFailedOnesStay() {
    assertThat(properties.sentRetention()).isEqualTo(Duration.ofDays(90));
    Journey first = newCase(REFERRAL);
    first.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThat(sendAll()).isEqualTo(2);
    List<String> sentFirst = ids(rows(first.caseRef()));
    Instant firstSent = outbox.find(sentFirst.get(0)).orElseThrow().sentAt();
    Journey later = newCase(REFERRAL.plusDays(1));
    assertThat(sendAll()).isEqualTo(1);
    String sentLater = rows(later.caseRef()).get(0).id();
    // two notifications that never went out: one waiting, one given up
    String pending = rows(newCase(REFERRAL.plusDays(1)).caseRef()).get(0).id();
    String failed = rows(newCase(REFERRAL.plusDays(1)).caseRef()).get(0).id();
    jdbc.sql("UPDATE notification SET status = 'FAILED' WHERE id = ?").param(failed).update();

    // exactly 90 days after the first mails went out: nothing is older than that yet
    clockAt(firstSent.plus(Duration.ofDays(90)));
    assertThat(purge.purge()).isZero();
    // a minute later the first two go, the later one stays
    clockAt(firstSent.plus(Duration.ofDays(90)).plusSeconds(60));
    assertThat(purge.purge()).isEqualTo(2);
    assertThat(sentFirst).allSatisfy(id -> assertThat(outbox.find(id)).as(id).isEmpty());
    assertThat(outbox.find(sentLater)).isPresent();

    // a year later every sent notification is gone; the pending and the failed one are still there
    clockAt(firstSent.plus(Duration.ofDays(365)));
    assertThat(purge.purge()).isEqualTo(1);
    assertThat(outbox.find(sentLater)).isEmpty();
    assertThat(outbox.find(pending).orElseThrow().status()).isEqualTo(Outbox.Status.PENDING);
    assertThat(outbox.find(failed).orElseThrow().status()).isEqualTo(Outbox.Status.FAILED);
    assertThat(purge.purge()).as("nothing left to delete").isZero();
  }

  private static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  @Test
  void thePurgeDeletesInBatchesUntilNothingIsLeft() {
    Journey j = newCase(REFERRAL);
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    Journey k = newCase(REFERRAL);
    k.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    newCase(REFERRAL);
    assertThat(sendAll()).isEqualTo(5);
    assertThat(outbox.purgeSent(REFERRAL.plusDays(1).atStartOfDay(Journey.ZONE).toInstant(), 2))
        .as("three batches: 2, 2 and 1").isEqualTo(5);
    assertThat(rows()).isEmpty();
  }

  private static List<String> ids(List<Outbox.Entry> entries) {
    return entries.stream().map(Outbox.Entry::id).toList();
  }
}
