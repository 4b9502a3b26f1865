package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox is written in the transaction of the action: an action that is rolled back queues
 * nothing and nothing is mailed. T0 5 May 2026, departure deadline 4 June.
 */
class NotificationRollbackTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aFormSubmitRefusedByValidationQueuesAndSendsNothing() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer()
        .complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0).assessedSafe();
    Task booking = j.task("Task_BookFlight");
    sendAll();
    List<String> outboxBefore = snapshot();
    int mailsBefore = received().size();
    assertThat(mailsBefore).isPositive();

    assertThatThrownBy(() -> j.complete("Task_BookFlight", "plannedDepartureDate", "2026-06-05", "flightNumber",
        "SK 99")).isInstanceOf(InvalidFormInput.class);
    assertThat(j.task("Task_BookFlight").getId()).as("the task stays open").isEqualTo(booking.getId());
    assertThat(j.hasTask("Task_ArrangeAirportAssistance")).isFalse();
    assertThat(snapshot()).as("the outbox is unchanged").isEqualTo(outboxBefore);
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(mailsBefore);

    // the valid submit does announce the next task: the comparison above could have failed
    j.complete("Task_BookFlight", "plannedDepartureDate", "2026-06-01", "flightNumber", "SK 99");
    Task next = j.task("Task_ArrangeAirportAssistance");
    assertThat(row(NotificationKind.TASK_CREATED, next.getId()).recipients())
        .containsExactly("hjemrejsestyrelsen@example.org");
    assertThat(sendAll()).isEqualTo(1);
    assertThat(received()).hasSize(mailsBefore + 1);
  }

  @Test
  void notificationsQueuedInATransactionThatRollsBackAreNeitherKeptNorSent() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer().assessedSafe();
    Task documents = j.task("Task_ObtainTravelDocuments");
    sendAll();
    List<String> outboxBefore = snapshot();
    int mailsBefore = received().size();

    // one transaction: "Fremskaf dokumenter" is completed (its next task "Book fly" is created and
    // announced), then the "Book fly" form is refused: everything is rolled back
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      j.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0);
      Task booking = j.task("Task_BookFlight");
      assertThat(row(NotificationKind.TASK_CREATED, booking.getId()).recipients())
          .as("queued inside the transaction").containsExactly("hjemrejsestyrelsen@example.org");
      assertThat(snapshot()).hasSize(outboxBefore.size() + 1);
      j.complete("Task_BookFlight", "plannedDepartureDate", "2026-06-05", "flightNumber", "SK 99");
    })).isInstanceOf(InvalidFormInput.class).hasMessageContaining("04.06.2026");

    assertThat(j.task("Task_ObtainTravelDocuments").getId()).as("rolled back").isEqualTo(documents.getId());
    assertThat(j.hasTask("Task_BookFlight")).isFalse();
    assertThat(snapshot()).as("the outbox is as before").isEqualTo(outboxBefore);
    assertThat(sendAll()).isZero();
    assertThat(received()).hasSize(mailsBefore);
    assertThat(received()).noneMatch(m -> subject(m).contains("Book fly"));
  }
}
