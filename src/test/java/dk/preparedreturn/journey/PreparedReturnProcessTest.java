package dk.preparedreturn.journey;

import static dk.preparedreturn.journey.PreparedReturnProcess.BOUNDARY_DEADLINE_PASSED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.BOUNDARY_EXTENSION_REMINDER;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.BOUNDARY_PREPARATION_WARNING;
import static dk.preparedreturn.testsupport.Journey.ZONE;
import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The main process {@code PreparedReturn}: the return track under the departure deadline and its
 * detours. Referral on Monday 2 March 2026, identification (T0) on 3 March: departure deadline 2
 * April (T0 + 30), latest possible deadline 1 July (T0 + 120).
 */
class PreparedReturnProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);
  static final LocalDate DEADLINE = LocalDate.of(2026, 4, 2);

  /** The timer that fires when the departure deadline has passed (process DepartureDeadline). */
  static final String BOUNDARY_DEADLINE_PASSED_TIMER = DepartureDeadlineProcess.TIMER_DEADLINE_PASSED;

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  @Test
  void theDeadlineHasNotPassedOnItsLastDayAndHasAtTheStartOfTheNext() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 4, 3, 0, 0)));

    clockAt(DEADLINE.atTime(23, 59));
    j.executeDueJobs();
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).as("day 30: preparation goes on").isTrue();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.HANDOVER);
    assertThat(notifications(j.caseRef())).contains("HANDED_OVER:da", "DEPARTURE_DEADLINE_PASSED:da");

    j.complete(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN, "takenOver", true,
        "ordinaryReturnReference", "HJS-2026-1");
    assertThat(main).isEnded().hasPassed(BOUNDARY_DEADLINE_PASSED,
        PreparedReturnProcess.SERVICE_NOTIFY_MANAGERS_OF_PASSED_DEADLINE, PreparedReturnProcess.SERVICE_NOTIFY_HAND_OVER,
        PreparedReturnProcess.END_HANDED_OVER);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.HANDED_OVER);
  }

  @Test
  void warningsGoOutAtTheirLeadTimesBeforeTheDeadline() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    assertThat(j.timer(BOUNDARY_PREPARATION_WARNING).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 19, 8, 0)));
    assertThat(j.timer(BOUNDARY_EXTENSION_REMINDER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 26, 8, 0)));

    clockAt(LocalDateTime.of(2026, 3, 19, 7, 59));
    j.executeDueJobs();
    assertThat(notifications(j.caseRef())).noneMatch(n -> n.startsWith("PREPARATION_LATE"));

    clockAt(LocalDateTime.of(2026, 3, 19, 8, 0));
    j.executeDueJobs();
    assertThat(notifications(j.caseRef())).contains("PREPARATION_LATE:da");

    clockAt(LocalDateTime.of(2026, 3, 26, 8, 0));
    j.executeDueJobs();
    assertThat(notifications(j.caseRef())).contains("EXTENSION_REQUEST_LIMIT:da", "EXTENSION_REQUEST_LIMIT:user");
    assertThat(j.passed("ServiceTask_WarnAboutLatePreparation")).isEqualTo(1);
    assertThat(j.passed("ServiceTask_RemindContactPerson")).isEqualTo(1);
    assertThat(j.hasTask("Task_RecordDecision")).isTrue();
  }

  @Test
  void aGrantedExtensionMovesTheDeadlineTimersAndDueDates() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    Task decision = j.task(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION);
    assertThat(decision.getDueDate()).isEqualTo(at(DEADLINE.atTime(23, 59)));

    assertThatThrownBy(() -> j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION",
        "newDepartureDeadline", "2026-07-02"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Ny udrejsefrist: må ikke ligge efter 01.07.2026");
    assertThat(cases.require(j.caseRef()).departureDeadline()).as("nothing changed").isEqualTo(DEADLINE);

    j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION",
        "newDepartureDeadline", "2026-05-15");
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(LocalDate.of(2026, 5, 15));
    assertThat(j.variable("departureDeadline")).isEqualTo("2026-05-15");
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 16, 0, 0)));
    assertThat(j.timer(BOUNDARY_PREPARATION_WARNING).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 1, 8, 0)));
    assertThat(j.timer(BOUNDARY_EXTENSION_REMINDER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 8, 8, 0)));
    assertThat(j.task("Task_ObtainTravelDocuments").getDueDate()).as("the called process follows")
        .isEqualTo(at(LocalDateTime.of(2026, 5, 15, 23, 59)));
    assertThat(j.task("Task_MeetBeforeDeparture").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 5, 15, 23, 59)));

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).as("old deadline ignored").isFalse();
    assertThat(j.passed("ServiceTask_MoveDepartureDeadline")).isEqualTo(1);
  }

  @Test
  void theWarningAndTheReminderComeAgainBeforeADeadlineThatMovedAfterTheyWereSent() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.on(LocalDate.of(2026, 3, 26));
    assertThat(count(notifications(j.caseRef()), "PREPARATION_LATE")).as("warning of 19 March").isPositive();
    assertThat(count(notifications(j.caseRef()), "EXTENSION_REQUEST_LIMIT")).as("reminder of 26 March").isPositive();
    long warnings = count(notifications(j.caseRef()), "PREPARATION_LATE");
    long reminders = count(notifications(j.caseRef()), "EXTENSION_REQUEST_LIMIT");

    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION",
        "newDepartureDeadline", "2026-05-15");
    assertThat(j.timer(BOUNDARY_PREPARATION_WARNING).getDuedate()).as("re-armed for the new deadline")
        .isEqualTo(at(LocalDateTime.of(2026, 5, 1, 8, 0)));
    assertThat(j.timer(BOUNDARY_EXTENSION_REMINDER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 8, 8, 0)));

    clockAt(LocalDateTime.of(2026, 5, 1, 7, 59));
    j.executeDueJobs();
    assertThat(count(notifications(j.caseRef()), "PREPARATION_LATE")).isEqualTo(warnings);
    clockAt(LocalDateTime.of(2026, 5, 1, 8, 0));
    j.executeDueJobs();
    assertThat(count(notifications(j.caseRef()), "PREPARATION_LATE")).as("warned again").isEqualTo(2 * warnings);
    clockAt(LocalDateTime.of(2026, 5, 8, 8, 0));
    j.executeDueJobs();
    assertThat(count(notifications(j.caseRef()), "EXTENSION_REQUEST_LIMIT")).as("reminded again")
        .isEqualTo(2 * reminders);
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();
  }

  static long count(java.util.List<String> notifications, String kind) {
    return notifications.stream().filter(n -> n.startsWith(kind + ":")).count();
  }

  @Test
  void aRefusedExtensionKeepsTheDeadline() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "REFUSED");
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate()).as("the deadline runs on")
        .isEqualTo(at(LocalDateTime.of(2026, 4, 3, 0, 0)));
    assertThat(j.hasTask("Task_RecordDecision")).isTrue();
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).as("a new request may follow").isTrue();
  }

  @Test
  void anExtensionRequestedOnDay29AndGrantedAfterTheDeadlineMovesTheDeadlineInsteadOfAHandOver() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(DEADLINE.minusDays(1));
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN))
        .as("a pending request is decided before a hand-over").isFalse();
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isTrue();
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).as("the preparation goes on").isTrue();

    clockAt(DEADLINE.plusDays(3));
    assertThatThrownBy(() -> j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision",
        "GRANTED", "extensionGround", "COOPERATION", "newDepartureDeadline", DEADLINE.plusDays(2).toString()))
        .as("a granted deadline lies ahead").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ny udrejsefrist: må ikke ligge før " + danish(DEADLINE.plusDays(3)));
    j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION",
        "newDepartureDeadline", "2026-05-15");
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(LocalDate.of(2026, 5, 15));
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 16, 0, 0)));
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).as("nothing of the preparation was lost").isTrue();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();

    clockAt(LocalDate.of(2026, 5, 16).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).as("the new deadline passes").containsExactly(
        PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void anExtensionRequestedOnTheLastDayAndRefusedAfterTheDeadlineHandsTheCaseOver() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    clockAt(DEADLINE.atTime(16, 0));
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    clockAt(DEADLINE.plusDays(1).atTime(10, 0));
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();

    j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision", "REFUSED");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(main).hasPassed(BOUNDARY_DEADLINE_PASSED);
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(DEADLINE);
  }

  @Test
  void aSecondRequestWhileOneAwaitsADecisionIsRefusedWithAReason() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    assertThatThrownBy(() -> j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm"))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Der er allerede en anmodning om forlængelse, som afventer afgørelse");
    assertThat(j.task(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isNotNull();
  }

  @Test
  void aDepartureOnTheLastDayConfirmedTheNextMorningCounts() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 3, 20));
    j.prepared(DEADLINE);

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN))
        .as("the departure booked within the deadline awaits its confirmation").isFalse();
    assertThat(j.openTaskKeys()).containsExactly("Task_ConfirmDeparture");

    clockAt(DEADLINE.plusDays(1).atTime(8, 30));
    assertThatThrownBy(() -> j.complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate",
        DEADLINE.plusDays(1).toString())).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Faktisk udrejsedato: må ikke ligge efter " + danish(DEADLINE));
    j.complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate", DEADLINE.toString());
    assertThat(j.openTaskKeys()).containsExactly("Task_ConfirmArrival");
    assertThat(cases.require(j.caseRef()).departureDate()).isEqualTo(DEADLINE);
  }

  @Test
  void aPersonWhoDidNotLeaveByTheDeadlineIsHandedOverWhenHjemrejsestyrelsenSaysSo() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    clockAt(LocalDate.of(2026, 3, 20));
    j.prepared(LocalDate.of(2026, 3, 30));
    j.on(LocalDate.of(2026, 3, 31));
    assertThatThrownBy(() -> j.complete("Task_ConfirmDeparture", "departureOutcome", "NOT_DEPARTED"))
        .as("while the deadline runs the flight is rebooked instead").isInstanceOf(InvalidFormInput.class)
        .hasMessageStartingWith("Udrejse: “ikke udrejst” kan først registreres, når udrejsefristen er overskredet");

    j.on(DEADLINE.plusDays(1));
    assertThat(j.openTaskKeys()).containsExactly("Task_ConfirmDeparture");
    j.complete("Task_ConfirmDeparture", "departureOutcome", "NOT_DEPARTED");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(main).hasPassed(PreparedReturnProcess.END_AWAITING_DEPARTURE_CONFIRMATION)
        .hasNotPassed(PreparedReturnProcess.BOUNDARY_DEADLINE_PASSED);
    assertThat(cases.require(j.caseRef()).departureDate()).isNull();
  }

  @Test
  void aDeclinedOfferWithDepartureObligationIsHandedOverWhenThePersonWithdrawsAndUdlaendingestyrelsenIsTold() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    ProcessInstance main = j.main();
    j.complete("Task_RecordDecision", "offerDecision", "DECLINED");
    assertThat(j.openTaskKeys()).as("a decline can be changed until the deadline")
        .containsExactly("Task_ReconsiderDecline");
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(main).hasPassed(PreparedReturnProcess.BOUNDARY_LEFT_BEFORE_DEPARTURE, "ServiceTask_NotifyHandOver");
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("DECLINED");
    assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_ref = ? AND kind = 'HANDED_OVER'"
        + " AND recipients LIKE '%udlaendingestyrelsen%'").param(j.caseRef()).query(Long.class).single())
        .as("Udlændingestyrelsen is told of the withdrawal").isEqualTo(1);
  }

  @Test
  void aDeclinedOfferWithLawfulResidenceClosesTheCase() {
    Journey j = newCase(REFERRAL, Referral.ResidenceStatus.LAWFUL_RESIDENCE, "TH");
    ProcessInstance main = j.main();
    j.identify(T0).informed().complete("Task_RecordDecision", "offerDecision", "DECLINED");
    assertThat(j.openTaskKeys()).containsExactly("Task_ReconsiderDecline");
    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).as("no hand-over: CMM ends its restitution period")
        .containsExactly(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD);
    assertThat(j.task(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD).getDueDate())
        .as("the day the decline came + hand-over days").isNotNull();
    assertThatThrownBy(() -> j.complete(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD, "personInformed", true,
        "restitutionEndOutcome", "HANDED_OVER")).isInstanceOf(InvalidFormInput.class);
    assertThat(main).isNotEnded();
    j.complete(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD, "personInformed", true, "restitutionEndOutcome",
        "STAYS_ON_OWN_RESIDENCE");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_CLOSED_WITHOUT_RETURN)
        .hasNotPassed(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN, "ServiceTask_NotifyHandOver");
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.CLOSED_WITHOUT_RETURN);
    assertThat(cases.require(j.caseRef()).periodType()).isEqualTo("RESTITUTION");
  }

  @Test
  void anEuCitizensRestitutionPeriodThatRunsOutEndsWithCmmAndNoHandOver() {
    Journey j = newCase(REFERRAL, Referral.ResidenceStatus.EU_CITIZEN, "RO").identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    clockAt(DEADLINE.atTime(23, 59));
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD)).as("the last day still counts").isFalse();
    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD);
    assertThat(j.task(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD).getDueDate())
        .isEqualTo(at(DEADLINE.plusDays(3).atTime(23, 59)));
    j.complete(PreparedReturnProcess.TASK_END_RESTITUTION_PERIOD, "personInformed", true, "restitutionEndOutcome",
        "LEFT_ON_OWN");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_CLOSED_WITHOUT_RETURN)
        .hasNotPassed(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.CLOSED_WITHOUT_RETURN);
  }

  @Test
  void aSuspendedReturnResumesWithTheContactPersonAndTheAcceptedOfferWithinTheRemainingDays() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 3, 10));
    j.report(events, CaseEvent.ASYLUM_APPLIED, null, "udlaendingestyrelsen");
    assertThat(j.openTaskKeys()).as("the return track is suspended")
        .containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.SUSPENDED);

    clockAt(DEADLINE.plusDays(5).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN))
        .as("no deadline while suspended").isFalse();

    // 7 of the 120 days were used before the suspension (3 to 10 March); 113 remain from 1 September
    clockAt(LocalDate.of(2026, 9, 1));
    assertThatThrownBy(() -> j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome",
        "RETURN_RESUMES", "newDepartureDeadline", "2026-12-24")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ny udrejsefrist: må ikke ligge efter 23.12.2026");
    j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome", "RETURN_RESUMES",
        "newDepartureDeadline", "2026-10-01");
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(cases.require(j.caseRef()).maxDeadline()).isEqualTo(LocalDate.of(2026, 12, 23));
    assertThat(j.variable("maxDeadline")).isEqualTo("2026-12-23");
    assertThat(j.openTaskKeys()).as("the accepted offer stands: the preparation resumes")
        .containsExactlyInAnyOrder("Task_ObtainTravelDocuments", "Task_ContributeToRiskAssessment",
            "Task_MeetBeforeDeparture");
    assertThat(j.task("Task_ContributeToRiskAssessment").getAssignee()).as("the same contact person")
        .isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(j.task("Task_ObtainTravelDocuments").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 10, 1, 23, 59)));
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 10, 2, 0, 0)));
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.PREPARATION);

    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    assertThatThrownBy(() -> j.complete(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION, "extensionDecision",
        "GRANTED", "extensionGround", "COOPERATION", "newDepartureDeadline", "2026-12-24")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ny udrejsefrist: må ikke ligge efter 23.12.2026");
  }

  @Test
  void aPersonUndecidedWhenSuspendedIsInformedAgainByTheSameContactPerson() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    clockAt(LocalDate.of(2026, 3, 20));
    j.report(events, CaseEvent.INVESTIGATION_STARTED, null, "politi");
    clockAt(LocalDate.of(2026, 6, 1));
    j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome", "RETURN_RESUMES",
        "newDepartureDeadline", "2026-07-01");
    assertThat(j.openTaskKeys()).as("no new contact person, the offer and the new deadline explained again")
        .containsExactly("Task_InformAboutOffer");
    assertThat(j.task("Task_InformAboutOffer").getAssignee()).isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(j.task("Task_InformAboutOffer").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 23, 59)));
  }

  @Test
  void anAsylumSeekerStartsSuspendedAndGetsADeadlineOnlyWhenTheAsylumCaseEndsInARefusal() {
    Journey j = newCase(REFERRAL, Referral.ResidenceStatus.ASYLUM_SEEKER, "NG");
    ProcessInstance main = j.main();
    j.identify(T0);
    assertThat(j.openTaskKeys()).as("no reflection period and no deadline while the asylum case is pending")
        .containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    assertThat(main).hasPassed(PreparedReturnProcess.GATEWAY_DEADLINE_SET).hasNotPassed("SubProcess_ReturnTrack");
    assertThat(cases.require(j.caseRef()).departureDeadline()).isNull();
    assertThat(cases.require(j.caseRef()).maxDeadline()).isEqualTo(T0.plusDays(120));
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.SUSPENDED);
    assertThat(j.variable("suspensionReason")).isEqualTo("ASYLUM_APPLIED");

    clockAt(T0.plusDays(200).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).as("200 days on, nothing has run out")
        .containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);

    // refused on 19 September 2026: none of the 120 days was used, so the latest deadline is 120 days on
    clockAt(LocalDate.of(2026, 9, 19));
    assertThatThrownBy(() -> j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome",
        "RETURN_RESUMES", "newDepartureDeadline", "2027-01-18")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ny udrejsefrist: må ikke ligge efter 17.01.2027");
    assertThat(cases.require(j.caseRef()).departureDeadline()).as("nothing kept").isNull();
    j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome", "RETURN_RESUMES",
        "newDepartureDeadline", "2026-10-19");
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(LocalDate.of(2026, 10, 19));
    assertThat(cases.require(j.caseRef()).maxDeadline()).isEqualTo(LocalDate.of(2027, 1, 17));
    assertThat(j.openTaskKeys()).as("the reflection period begins with a contact person")
        .containsExactly("Task_AssignContactPerson");
    assertThat(j.timer(BOUNDARY_DEADLINE_PASSED_TIMER).getDuedate())
        .isEqualTo(at(LocalDateTime.of(2026, 10, 20, 0, 0)));
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.REFLECTION);
  }

  @Test
  void aSuspensionThatEndsWithResidenceClosesTheCase() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    ProcessInstance main = j.main();
    j.report(events, CaseEvent.INVESTIGATION_STARTED, null, "politi");
    j.complete(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION, "suspensionOutcome", "RESIDENCE_GRANTED");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_RESIDENCE_GRANTED);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.RESIDENCE_GRANTED);
  }

  @Test
  void aPersonWhoWithdrawsBeforeDepartureIsHandedOver() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    assertThat(main).hasPassed(PreparedReturnProcess.BOUNDARY_LEFT_BEFORE_DEPARTURE);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("PERSON_WITHDREW");
  }

  @Test
  void aPersonWhoWithdrawsDuringIdentificationClosesTheCaseWithTheReason() {
    Journey j = newCase(REFERRAL);
    ProcessInstance main = j.main();
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.BOUNDARY_LEFT_DURING_IDENTIFICATION,
        PreparedReturnProcess.END_LEFT_DURING_IDENTIFICATION);
    assertThat(j.instanceIds()).isEmpty();
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("PERSON_WITHDREW");
  }

  @Test
  void contactLostDuringASuspensionClosesTheCaseWithTheReason() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    ProcessInstance main = j.main();
    j.report(events, CaseEvent.INVESTIGATION_STARTED, null, "politi");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    j.report(events, CaseEvent.CONTACT_LOST, null, "cmm");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.BOUNDARY_LEFT_DURING_SUSPENSION,
        PreparedReturnProcess.END_LEFT_DURING_SUSPENSION);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("CONTACT_LOST");
  }

  @Test
  void aPersonWhoWithdrawsAfterTheArrivalIsClosedByDrc() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    j.on(LocalDate.of(2026, 3, 20)).prepared(LocalDate.of(2026, 3, 25)).departed(LocalDate.of(2026, 3, 25))
        .arrived(LocalDate.of(2026, 3, 26));
    clockAt(LocalDate.of(2026, 6, 10));
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "partner-ng");
    Task close = j.task(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT);
    assertThat(close.getDueDate()).as("exit date + hand-over days").isEqualTo(at(LocalDateTime.of(2026, 6, 13, 23, 59)));
    assertThat(j.openTaskKeys()).as("payments stop").containsExactly(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT);
    j.complete(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT, "paymentsStopped", true, "partnerInformed", true);
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.BOUNDARY_LEFT_AFTER_DEPARTURE,
        PreparedReturnProcess.END_DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("PERSON_WITHDREW");
  }

  @Test
  void aRebookedFlightMovesTheDepartureTask() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer().prepared(LocalDate.of(2026, 3, 25));
    assertThat(j.task("Task_ConfirmDeparture").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 25, 23, 59)));
    j.report(events, CaseEvent.FLIGHT_REBOOKED, LocalDate.of(2026, 3, 30), "hjemrejsestyrelsen");
    assertThat(j.task("Task_ConfirmDeparture").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 30, 23, 59)));
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  private static String danish(LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }
}
