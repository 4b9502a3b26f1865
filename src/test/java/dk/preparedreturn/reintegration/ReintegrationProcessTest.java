package dk.preparedreturn.reintegration;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * {@code Reintegration} and {@code SupportMonth}: reception, the refined plan, the monthly support.
 * Departure on 28 May 2026; the reception must be confirmed by 30 May.
 */
class ReintegrationProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);
  static final LocalDate DEPARTURE = LocalDate.of(2026, 5, 28);

  Journey departedCase() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    return j.prepared(DEPARTURE).departed(DEPARTURE);
  }

  @Test
  void aMissingArrivalConfirmationIsEscalatedToDrcTheDayAfterTheLimit() {
    Journey j = departedCase();
    clockAt(LocalDateTime.of(2026, 5, 30, 23, 59));
    j.executeDueJobs();
    assertThat(j.hasTask(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL)).isFalse();
    clockAt(LocalDateTime.of(2026, 5, 31, 0, 0));
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).containsExactlyInAnyOrder(ReintegrationProcess.TASK_CONFIRM_ARRIVAL,
        ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL);
    assertThat(j.task(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL).getDueDate().toInstant())
        .as("departure + LeadTimes.receptionConfirmationDays + LeadTimes.arrivalFollowUpDays")
        .isEqualTo(LocalDateTime.of(2026, 6, 1, 23, 59).atZone(Journey.ZONE).toInstant());
    assertThat(j.variable("arrivalFollowUpDays")).as("a parameter of the case, from LeadTimes").isEqualTo(2);
    j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp", "PARTNER_REMINDED");
    assertThat(j.openTaskKeys()).containsExactly(ReintegrationProcess.TASK_CONFIRM_ARRIVAL);
  }

  @Test
  void drcConfirmsTheArrivalItFollowedUpAndTheReintegrationStartsFromThatDate() {
    Journey j = departedCase();
    j.on(LocalDate.of(2026, 5, 31));
    assertThat(j.openTaskKeys()).containsExactlyInAnyOrder(ReintegrationProcess.TASK_CONFIRM_ARRIVAL,
        ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL);
    assertThatThrownBy(() -> j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp",
        "ARRIVAL_CONFIRMED", "arrivalDate", "2026-05-27")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ankomstdato: må ikke ligge før 28.05.2026");
    j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp", "ARRIVAL_CONFIRMED",
        "arrivalDate", "2026-05-29");
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).as("the partner's confirmation is no longer needed; month 1 began on 29 May")
        .containsExactlyInAnyOrder(ReintegrationProcess.TASK_REFINE_PLAN, ReintegrationProcess.TASK_PAY_CASH_SUPPORT);
    assertThat(cases.require(j.caseRef()).arrivalDate()).isEqualTo(LocalDate.of(2026, 5, 29));
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(dk.preparedreturn.casefile.CasePhase.REINTEGRATION);
  }

  @Test
  void aPersonWhoDidNotArriveIsTracedBeforeTheCaseClosesWithTheReason() {
    Journey j = departedCase();
    var main = j.main();
    j.on(LocalDate.of(2026, 5, 31));
    j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp", "NOT_ARRIVED");
    assertThat(cases.require(j.caseRef()).exitReason()).as("not before the tracing failed").isNull();
    for (int attempt = 1; attempt <= 3; attempt++) {
      j.on(LocalDate.of(2026, 5, 31).plusDays(7L * attempt));
      j.complete("Task_TracePerson", "attemptDate", j.today().toString(), "tracingMethods",
          Journey.json("[\"PHONE\"]"), "traceOutcome", "NOT_FOUND");
    }
    assertThat(j.instanceIds()).as("the case is closed").isEmpty();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(main).isEnded()
        .hasPassed(dk.preparedreturn.journey.PreparedReturnProcess.END_NOT_ARRIVED);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(dk.preparedreturn.casefile.CaseOutcome.DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("NOT_ARRIVED");
  }

  @Test
  void theArrivalCannotBeBeforeTheDeparture() {
    Journey j = departedCase();
    j.on(LocalDate.of(2026, 5, 29));
    assertThatThrownBy(() -> j.complete(ReintegrationProcess.TASK_CONFIRM_ARRIVAL, "arrivalDate", "2026-05-27",
        "accommodation", "OWN"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Date of arrival: must not be before 28 May 2026");
  }

  @Test
  void monthOneBringsCashAndChildSupportOnlyWithChildrenInThePlan() {
    Journey j = departedCase().arrived(LocalDate.of(2026, 5, 29));
    assertThat(j.openTaskKeys()).containsExactlyInAnyOrder(ReintegrationProcess.TASK_REFINE_PLAN,
        ReintegrationProcess.TASK_PAY_CASH_SUPPORT);
    assertThatThrownBy(() -> j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500,
        "childSupportAmount", 200, "paidOn", "2026-05-29")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Child support paid (DKK): is only paid when the reintegration plan includes children");
    assertThatThrownBy(() -> j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", -5,
        "paidOn", "2026-05-29")).isInstanceOf(InvalidFormInput.class);
    j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", "2026-05-29");
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ?").param(j.caseRef())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aReimbursementMonthWithoutClaimsNeedsNoReview() {
    Journey j = departedCase().arrived(LocalDate.of(2026, 5, 29));
    LocalDate arrival = LocalDate.of(2026, 5, 29);
    j.complete(ReintegrationProcess.TASK_REFINE_PLAN, "planAgreedOn", "2026-05-29", "refinedPlanAreas",
        Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
        "socialSituation", "3", "psychosocialSituation", "2");
    for (int month = 1; month <= 6; month++) {
      j.on(arrival.plusMonths(month - 1));
      j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", j.today().toString());
      if (month % 3 == 0) {
        j.complete(ReintegrationProcess.TASK_SUBMIT_PROGRESS_REPORT, "economicSituation", "3", "socialSituation", "3",
            "psychosocialSituation", "3", "planProgress", "ON_TRACK");
      }
    }
    j.on(arrival.plusMonths(6));
    assertThatThrownBy(() -> j.complete(ReintegrationProcess.TASK_SUBMIT_CLAIMS, "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"CHILD_PC\",\"amount\":900,\"receiptReference\":\"A1\"}]")))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Claims, row 1: costs for children are only reimbursed when the reintegration plan includes children");
    j.complete(ReintegrationProcess.TASK_SUBMIT_CLAIMS, "claims", SpinValues.jsonValue("[]").create());
    assertThat(j.hasTask(ReintegrationProcess.TASK_REVIEW_CLAIMS)).isFalse();
    var history = engine.getHistoryService();
    long passedWithoutReview = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(j.caseRef())
        .processDefinitionKey(ReintegrationProcess.SUPPORT_MONTH_KEY).list().stream()
        .mapToLong(month -> history.createHistoricActivityInstanceQuery().processInstanceId(month.getId())
            .activityId("Gateway_ClaimsDone").count())
        .sum();
    assertThat(passedWithoutReview).as("month 7 went from the claims straight on").isEqualTo(1);
  }

  @Test
  void eachMonthStartsOnItsOwnDateWhateverIsStillOpenFromTheMonthsBefore() {
    LocalDate arrival = LocalDate.of(2026, 5, 29);
    Journey j = departedCase().arrived(arrival);
    j.on(arrival.plusMonths(1));
    assertThat(openMonths(j, ReintegrationProcess.TASK_PAY_CASH_SUPPORT)).as("month 1 unpaid, month 2 due")
        .containsExactly(1, 2);
    for (Task cash : tasks(j, ReintegrationProcess.TASK_PAY_CASH_SUPPORT)) {
      engine.getFormService().submitTaskForm(cash.getId(), Journey.vars("cashAmount", 1500, "paidOn",
          j.today().toString()));
    }
    j.on(arrival.plusMonths(2));
    j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", j.today().toString());
    assertThat(openMonths(j, ReintegrationProcess.TASK_SUBMIT_PROGRESS_REPORT)).containsExactly(3);

    j.on(arrival.plusMonths(3));
    assertThat(openMonths(j, ReintegrationProcess.TASK_PAY_CASH_SUPPORT))
        .as("month 3's progress report is late; month 4's cash is due anyway").containsExactly(4);
    assertThat(openMonths(j, ReintegrationProcess.TASK_SUBMIT_PROGRESS_REPORT)).containsExactly(3);

    j.contactLostForGood(events, "drc");
    assertThat(j.openTaskKeys()).as("contact lost and the person not traced: every month stops")
        .containsExactly(dk.preparedreturn.journey.PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(j.caseRef())
        .processDefinitionKey(ReintegrationProcess.SUPPORT_MONTH_KEY).count()).isZero();
  }

  java.util.List<Task> tasks(Journey j, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef()).taskDefinitionKey(key)
        .list();
  }

  java.util.List<Integer> openMonths(Journey j, String key) {
    return tasks(j, key).stream()
        .map(t -> ((Number) engine.getTaskService().getVariable(t.getId(), ReintegrationProcess.SUPPORT_MONTH.name()))
            .intValue())
        .sorted().toList();
  }

  @Test
  void eachSupportMonthStartsOnItsMonthDay() {
    Journey j = departedCase().arrived(LocalDate.of(2026, 5, 29));
    j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", "2026-05-29");
    var monthStarts = engine.getManagementService().createJobQuery().timers()
        .activityId(ReintegrationProcess.TIMER_MONTH_BEGINS).list().stream()
        .filter(job -> j.instanceIds().contains(job.getProcessInstanceId()))
        .map(job -> job.getDuedate().toInstant()).sorted().toList();
    assertThat(monthStarts).as("months 2 to 12 wait for their own first day, 08:00").hasSize(11)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 12)
            .mapToObj(m -> LocalDate.of(2026, 5, 29).plusMonths(m - 1).atTime(8, 0).atZone(Journey.ZONE).toInstant())
            .toList());
    clockAt(LocalDateTime.of(2026, 6, 29, 7, 59));
    j.executeDueJobs();
    assertThat(j.hasTask(ReintegrationProcess.TASK_PAY_CASH_SUPPORT)).isFalse();
    clockAt(LocalDateTime.of(2026, 6, 29, 8, 0));
    j.executeDueJobs();
    assertThat(j.hasTask(ReintegrationProcess.TASK_PAY_CASH_SUPPORT)).isTrue();
    assertThat(j.task(ReintegrationProcess.TASK_PAY_CASH_SUPPORT).getDueDate().toInstant())
        .isEqualTo(LocalDateTime.of(2026, 7, 6, 23, 59).atZone(Journey.ZONE).toInstant());
  }
}
