package dk.preparedreturn.safeguarding;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.reintegration.ReintegrationProcess;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

/**
 * After the return (journey phase 6): a person who did not arrive or with whom contact was lost is
 * traced by the partner before the case closes ({@code TracePerson}: 3 attempts, 7 days each, from
 * {@code SafeguardingParameters}); a progress report that rates the person AT_RISK starts the
 * safeguarding ({@code Safeguarding}: DRC and CMM, then the partner's monitoring visit). Departure on
 * 28 May 2026; the arrival confirmation is missing on 31 May.
 */
class SafeguardingProcessTest extends ProcessTestBase {

  static final LocalDate DEPARTURE = LocalDate.of(2026, 5, 28);
  static final LocalDate ARRIVAL = LocalDate.of(2026, 5, 29);

  Journey departedCase() {
    Journey j = newCase(LocalDate.of(2026, 5, 4)).identify(LocalDate.of(2026, 5, 5)).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    return j.prepared(DEPARTURE).departed(DEPARTURE);
  }

  Journey notArrived() {
    Journey j = departedCase();
    j.on(LocalDate.of(2026, 5, 31));
    j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp", "NOT_ARRIVED");
    return j;
  }

  void attempt(Journey j, String outcome) {
    j.complete(SafeguardingProcess.TASK_TRACE_PERSON, "attemptDate", j.today().toString(), "tracingMethods",
        Journey.json("[\"PHONE\",\"HOME_VISIT\"]"), "traceOutcome", outcome);
  }

  @Test
  void aPersonWhoDidNotArriveIsTracedThreeTimesBeforeTheCaseCloses() {
    Journey j = notArrived();
    var main = j.main();
    assertThat(j.openTaskKeys()).as("the partner traces; its own confirmation is still possible")
        .containsExactlyInAnyOrder(ReintegrationProcess.TASK_CONFIRM_ARRIVAL, SafeguardingProcess.TASK_TRACE_PERSON);
    assertThat(cases.require(j.caseRef()).exitReason()).as("not closed while tracing").isNull();
    assertThat(j.task(SafeguardingProcess.TASK_TRACE_PERSON).getDueDate().toInstant())
        .as("7 days (SafeguardingParameters.tracingAttemptDays) from the day the tracing started")
        .isEqualTo(LocalDateTime.of(2026, 6, 7, 23, 59).atZone(Journey.ZONE).toInstant());

    j.on(LocalDate.of(2026, 6, 5));
    attempt(j, SafeguardingProcess.NOT_FOUND);
    assertThat(j.task(SafeguardingProcess.TASK_TRACE_PERSON).getDueDate().toInstant())
        .as("the next attempt: 7 days from the previous one")
        .isEqualTo(LocalDateTime.of(2026, 6, 12, 23, 59).atZone(Journey.ZONE).toInstant());
    j.on(LocalDate.of(2026, 6, 12));
    attempt(j, SafeguardingProcess.NOT_FOUND);
    assertThat(j.instanceIds()).as("two attempts: the case is still open").isNotEmpty();
    j.on(LocalDate.of(2026, 6, 19));
    attempt(j, SafeguardingProcess.NOT_FOUND);

    assertThat(j.instanceIds()).as("three attempts failed: the case is closed").isEmpty();
    BpmnAwareTests.assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_NOT_ARRIVED);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("NOT_ARRIVED");
    assertThat(j.passed(SafeguardingProcess.TASK_TRACE_PERSON)).isEqualTo(3);
  }

  @Test
  void aTracedPersonWhoDidNotArriveGetsTheArrivalConfirmedByDrc() {
    Journey j = notArrived();
    j.on(LocalDate.of(2026, 6, 3));
    attempt(j, SafeguardingProcess.NOT_FOUND);
    j.on(LocalDate.of(2026, 6, 8));
    attempt(j, SafeguardingProcess.FOUND);
    assertThat(j.openTaskKeys()).as("found at the second attempt: DRC follows up again")
        .containsExactlyInAnyOrder(ReintegrationProcess.TASK_CONFIRM_ARRIVAL,
            ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL);
    j.complete(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL, "arrivalFollowUp", "ARRIVAL_CONFIRMED",
        "arrivalDate", "2026-06-01");
    j.executeDueJobs();
    assertThat(cases.require(j.caseRef()).arrivalDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(cases.require(j.caseRef()).exitReason()).isNull();
    assertThat(j.openTaskKeys()).contains(ReintegrationProcess.TASK_REFINE_PLAN);
  }

  @Test
  void aTracingAttemptIsDatedFromTheTaskToTodayAndAnUnknownOutcomeIsRefused() {
    Journey j = notArrived();
    j.on(LocalDate.of(2026, 6, 2));
    String task = j.task(SafeguardingProcess.TASK_TRACE_PERSON).getId();
    assertThatThrownBy(() -> j.complete(SafeguardingProcess.TASK_TRACE_PERSON, "attemptDate", "2026-06-03",
        "tracingMethods", Journey.json("[\"PHONE\"]"), "traceOutcome", "FOUND"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Date of the attempt: must not be after 2 Jun 2026");
    assertThatThrownBy(() -> j.complete(SafeguardingProcess.TASK_TRACE_PERSON, "attemptDate", "2026-05-30",
        "tracingMethods", Journey.json("[\"PHONE\"]"), "traceOutcome", "FOUND"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Date of the attempt: must not be before 31 May 2026");
    assertThatThrownBy(() -> j.complete(SafeguardingProcess.TASK_TRACE_PERSON, "attemptDate", "2026-06-02",
        "tracingMethods", Journey.json("[\"PHONE\"]"), "traceOutcome", "GAVE_UP"))
        .isInstanceOf(InvalidFormInput.class);
    assertThat(j.task(SafeguardingProcess.TASK_TRACE_PERSON).getId()).as("the same attempt, still open")
        .isEqualTo(task);
    assertThat(engine.getTaskService().getVariable(task, "traceOutcome")).as("nothing kept").isNull();
    attempt(j, SafeguardingProcess.FOUND);
    assertThat(j.hasTask(ReintegrationProcess.TASK_FOLLOW_UP_MISSING_ARRIVAL)).isTrue();
  }

  @Test
  void contactLostAfterTheArrivalIsTracedWhileTheSupportGoesOn() {
    Journey j = departedCase().arrived(ARRIVAL);
    j.on(LocalDate.of(2026, 6, 10));
    j.report(events, CaseEvent.CONTACT_LOST, null, "drc");
    assertThat(j.openTaskKeys()).as("tracing beside the month's cash and the plan").containsExactlyInAnyOrder(
        SafeguardingProcess.TASK_TRACE_PERSON, ReintegrationProcess.TASK_PAY_CASH_SUPPORT,
        ReintegrationProcess.TASK_REFINE_PLAN);
    assertThat(cases.require(j.caseRef()).exitReason()).isNull();

    // a second report while the partner traces is refused and changes nothing
    assertThatThrownBy(() -> j.report(events, CaseEvent.CONTACT_LOST, null, "partner-ng"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("The partner is already trying to trace the person");
    assertThat(j.openTaskKeys()).filteredOn(SafeguardingProcess.TASK_TRACE_PERSON::equals).hasSize(1);

    j.on(LocalDate.of(2026, 6, 14));
    attempt(j, SafeguardingProcess.FOUND);
    assertThat(j.openTaskKeys()).as("contact restored: the support goes on")
        .containsExactlyInAnyOrder(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, ReintegrationProcess.TASK_REFINE_PLAN);
    assertThat(j.passed(ReintegrationProcess.END_CONTACT_RESTORED)).isEqualTo(1);
    assertThat(cases.require(j.caseRef()).closed()).isFalse();
    assertThat(cases.require(j.caseRef()).exitReason()).isNull();
  }

  @Test
  void contactLostForGoodStopsTheSupportAndDrcClosesTheCase() {
    Journey j = departedCase().arrived(ARRIVAL);
    var main = j.main();
    j.on(LocalDate.of(2026, 6, 10));
    j.report(events, CaseEvent.CONTACT_LOST, null, "partner-ng");
    for (LocalDate day : new LocalDate[] {LocalDate.of(2026, 6, 17), LocalDate.of(2026, 6, 24),
        LocalDate.of(2026, 7, 1)}) {
      j.on(day);
      attempt(j, SafeguardingProcess.NOT_FOUND);
    }
    assertThat(j.openTaskKeys()).as("every month stopped; DRC closes the case")
        .containsExactly(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("CONTACT_LOST");
    assertThat(j.task(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT).getDueDate().toInstant())
        .as("LeadTimes.handoverDays (3) from the day the tracing failed")
        .isEqualTo(LocalDateTime.of(2026, 7, 4, 23, 59).atZone(Journey.ZONE).toInstant());
    j.complete(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT, "paymentsStopped", true, "partnerInformed", true);
    BpmnAwareTests.assertThat(main).isEnded();
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
  }

  @Test
  void aPersonRatedAtRiskIsSafeguardedByDrcCmmAndAMonitoringVisit() {
    Journey j = departedCase().arrived(ARRIVAL);
    j.complete(ReintegrationProcess.TASK_REFINE_PLAN, "planAgreedOn", ARRIVAL.toString(), "refinedPlanAreas",
        Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
        "socialSituation", "3", "psychosocialSituation", "2");
    for (int month = 1; month <= 3; month++) {
      j.on(ARRIVAL.plusMonths(month - 1));
      j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", j.today().toString());
    }
    j.on(ARRIVAL.plusMonths(3).plusDays(2));
    j.complete(ReintegrationProcess.TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", j.today().toString());
    j.complete(ReintegrationProcess.TASK_SUBMIT_PROGRESS_REPORT, "economicSituation", "2", "socialSituation", "2",
        "psychosocialSituation", "1", "planProgress", "AT_RISK");
    assertThat(j.openTaskKeys()).as("DRC and CMM at once").containsExactlyInAnyOrder(
        SafeguardingProcess.TASK_AGREE_MEASURES, SafeguardingProcess.TASK_ASSESS_RISK);
    assertThat(j.task(SafeguardingProcess.TASK_AGREE_MEASURES).getDueDate().toInstant())
        .as("SafeguardingParameters.safeguardingAssessmentDays (3) from the report")
        .isEqualTo(LocalDateTime.of(2026, 9, 3, 23, 59).atZone(Journey.ZONE).toInstant());

    j.complete(SafeguardingProcess.TASK_AGREE_MEASURES, "safeguardingMeasures",
        Journey.json("[\"CLOSER_MONITORING\",\"SAFE_ACCOMMODATION\"]"), "partnerAgreed", true);
    assertThat(j.openTaskKeys()).as("the visit waits for CMM").containsExactly(SafeguardingProcess.TASK_ASSESS_RISK);
    j.complete(SafeguardingProcess.TASK_ASSESS_RISK, "cmmAssessment", "CMM_FOLLOWS_UP");
    assertThat(j.openTaskKeys()).containsExactly(SafeguardingProcess.TASK_MONITORING_VISIT);

    j.on(ARRIVAL.plusMonths(3).plusDays(6));
    assertThatThrownBy(() -> j.complete(SafeguardingProcess.TASK_MONITORING_VISIT, "visitDate", "2026-09-05",
        "visitOutcome", "SAFE")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Visit date: must not be after 4 Sept 2026");
    j.complete(SafeguardingProcess.TASK_MONITORING_VISIT, "visitDate", "2026-09-04", "visitOutcome", "STILL_AT_RISK");
    assertThat(j.openTaskKeys()).as("still at risk: DRC and CMM again").containsExactlyInAnyOrder(
        SafeguardingProcess.TASK_AGREE_MEASURES, SafeguardingProcess.TASK_ASSESS_RISK);
    j.complete(SafeguardingProcess.TASK_AGREE_MEASURES, "safeguardingMeasures", Journey.json("[\"LEGAL_AID\"]"),
        "partnerAgreed", true);
    j.complete(SafeguardingProcess.TASK_ASSESS_RISK, "cmmAssessment", "RISK_REPORTED");
    j.on(ARRIVAL.plusMonths(3).plusDays(12));
    j.complete(SafeguardingProcess.TASK_MONITORING_VISIT, "visitDate", j.today().toString(), "visitOutcome", "SAFE");

    assertThat(j.openTaskKeys()).as("month 4 ended with the safeguarding").isEmpty();
    assertThat(j.passed(SafeguardingProcess.END_RISK_MANAGED)).isEqualTo(1);
    assertThat(j.passed(SafeguardingProcess.TASK_MONITORING_VISIT)).isEqualTo(2);
    assertThat(j.passed(ReintegrationProcess.END_MONTH_COMPLETED)).isEqualTo(4);
    assertThat(cases.require(j.caseRef()).closed()).isFalse();
  }
}
