package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dk.preparedreturn.testsupport.Journey;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;

/**
 * The mail server is down for a day: every attempt fails, nothing is lost, the retries back off
 * (1, 2, 4 ... minutes), after three failed attempts the case shows an incident of type
 * failedNotification in Cockpit, caseworkers go on working; when the server is back each mail
 * arrives exactly once and the incidents are resolved.
 */
class NotificationOutageTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);

  @Test
  void whileSmtpIsDownNothingIsLostAndAfterwardsEachNotificationArrivesExactlyOnce() {
    assertThat(properties.incidentAfterAttempts()).isEqualTo(3);
    assertThat(properties.firstRetry()).isEqualTo(Duration.ofMinutes(1));
    SMTP.stop();

    Journey j = newCase(REFERRAL); // 09:00, "Gennemfør screening" for CMM
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true); // "Træf afgørelse om offerstatus"
    String main = j.main().getId();
    assertThat(cases.require(j.caseRef()).processInstanceId()).isEqualTo(main);
    List<Outbox.Entry> queued = rows(j.caseRef());
    assertThat(queued).hasSize(2).allMatch(e -> e.status() == Outbox.Status.PENDING && e.attempts() == 0);

    // attempt 1 at 09:00 fails; the next is due at 09:01
    assertThat(sender.sendDue()).isZero();
    assertAttempts(queued, 1);
    assertThat(rows(j.caseRef())).allSatisfy(e -> {
      assertThat(e.lastError()).isNotBlank().doesNotContain("@").doesNotContain("example.org");
      assertThat(e.nextAttemptAt()).isEqualTo(at(REFERRAL.atTime(9, 1)));
    });
    assertThat(sender.sendDue()).as("not due again before the backoff").isZero();
    assertAttempts(queued, 1);

    clockAt(REFERRAL.atTime(9, 1)); // attempt 2; then 2 minutes
    assertThat(sender.sendDue()).isZero();
    assertAttempts(queued, 2);
    assertThat(notificationIncidents(main)).as("no incident before the third failure").isEmpty();
    clockAt(REFERRAL.atTime(9, 2));
    sender.sendDue();
    assertAttempts(queued, 2);

    clockAt(REFERRAL.atTime(9, 3)); // attempt 3: an incident per notification on the case, retries go on
    assertThat(sender.sendDue()).isZero();
    assertAttempts(queued, 3);
    List<Incident> incidents = notificationIncidents(main);
    assertThat(incidents).extracting(Incident::getConfiguration)
        .containsExactlyInAnyOrderElementsOf(queued.stream().map(Outbox.Entry::id).toList());
    assertThat(incidents).allSatisfy(i -> {
      assertThat(i.getIncidentMessage()).contains("not sent after 3 attempts");
      assertThat(i.getProcessInstanceId()).isEqualTo(main);
    });
    assertThat(rows(j.caseRef())).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(Outbox.Status.PENDING);
      assertThat(e.incidentId()).isNotNull();
      assertThat(e.nextAttemptAt()).isEqualTo(at(REFERRAL.atTime(9, 7)));
    });

    // a caseworker's action does not depend on the mail server
    clockAt(T0);
    assertThatCode(() -> j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED",
        "identificationDate", T0.toString())).doesNotThrowAnyException();
    assertThat(j.hasTask("Task_AssignContactPerson")).isTrue();
    List<Outbox.Entry> all = rows(j.caseRef());
    assertThat(all).hasSize(3);
    assertThat(sender.sendDue()).isZero();
    assertThat(rows(j.caseRef())).extracting(Outbox.Entry::attempts).containsExactlyInAnyOrder(4, 4, 1);
    // the case moved on (the incidents' execution ended): the two still failing notifications show
    // again, one incident each, not one per attempt, none yet for the new one
    assertThat(notificationIncidents(main)).as("open incidents after the case moved on")
        .extracting(Incident::getConfiguration)
        .containsExactlyInAnyOrderElementsOf(queued.stream().map(Outbox.Entry::id).toList());
    clockAt(T0.atTime(9, 30));
    assertThat(sender.sendDue()).isZero();
    assertThat(notificationIncidents(main)).hasSize(2);
    List<String> openIncidents = notificationIncidents(main).stream().map(Incident::getId).toList();
    assertThat(rows(j.caseRef())).extracting(Outbox.Entry::incidentId).containsAll(openIncidents);
    assertThat(received()).isEmpty();
    assertThat(outbox.count(Outbox.Status.PENDING)).isEqualTo(3);
    assertThat(outbox.retrying()).isEqualTo(3);

    // the mail server is back
    SMTP.start();
    clockAt(T0.atTime(10, 0));
    assertThat(sender.sendDue()).isEqualTo(3);
    Map<String, List<MimeMessage>> byId = byMessageId();
    assertThat(byId).hasSize(3);
    for (Outbox.Entry entry : all) {
      Outbox.Entry sent = reload(entry);
      assertThat(sent.status()).isEqualTo(Outbox.Status.SENT);
      assertThat(sent.sentAt()).isEqualTo(at(T0.atTime(10, 0)));
      assertThat(byId.get(expectedMessageId(entry))).as("exactly one mail per recipient of " + entry.kind())
          .hasSize(entry.recipients().size());
      for (String recipient : entry.recipients()) {
        delivered(recipient, entry);
      }
    }
    assertThat(notificationIncidents(main)).as("the incidents are resolved").isEmpty();
    List<HistoricIncident> history = engine.getHistoryService().createHistoricIncidentQuery()
        .incidentType(NotificationSender.INCIDENT_TYPE).processInstanceId(main).list();
    assertThat(history).filteredOn(i -> openIncidents.contains(i.getId())).hasSize(2)
        .allMatch(HistoricIncident::isResolved);
    assertThat(history).as("every incident of the outage is closed").allMatch(i -> !i.isOpen());
    assertThat(outbox.retrying()).isZero();

    // and nothing goes out twice
    clockAt(T0.atTime(12, 0));
    assertThat(sendAll()).isZero();
    clockAt(T0.plusDays(5));
    assertThat(sendAll()).isZero();
    assertThat(byMessageId()).hasSize(3);
    assertThat(received()).hasSize(all.stream().mapToInt(e -> e.recipients().size()).sum());
  }

  private void assertAttempts(List<Outbox.Entry> entries, int attempts) {
    for (Outbox.Entry entry : entries) {
      Outbox.Entry now = reload(entry);
      assertThat(now.status()).as(entry.kind() + " status").isEqualTo(Outbox.Status.PENDING);
      assertThat(now.attempts()).as(entry.kind() + " attempts").isEqualTo(attempts);
    }
  }

  private static java.time.Instant at(LocalDateTime time) {
    return time.atZone(Journey.ZONE).toInstant();
  }
}
