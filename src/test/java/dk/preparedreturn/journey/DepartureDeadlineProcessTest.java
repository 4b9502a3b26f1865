package dk.preparedreturn.journey;

import static dk.preparedreturn.journey.DepartureDeadlineProcess.BOUNDARY_EXTENSION_REMINDER;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.BOUNDARY_PREPARATION_WARNING;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_CONTACT_PERSON_REMINDED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_DEADLINE_MOVED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_DEADLINE_PASSED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_DEADLINE_RAN_OUT;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_PREPARATION_WARNING_SENT;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.END_REFUSED_AFTER_DEADLINE;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.GATEWAY_DEADLINE_ALREADY_PASSED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.GATEWAY_DEADLINE_OR_REQUEST;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.MESSAGE_EVENT_EXTENSION_REQUESTED;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.SERVICE_MOVE_DEPARTURE_DEADLINE;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.SERVICE_REMIND_CONTACT_PERSON;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.SERVICE_WARN_ABOUT_LATE_PREPARATION;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.SUBPROCESS_DEADLINE_RUNS;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION;
import static dk.preparedreturn.journey.DepartureDeadlineProcess.TIMER_DEADLINE_PASSED;
import static dk.preparedreturn.testsupport.Journey.ZONE;
import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code DepartureDeadline}, one method per path. It acts on the case record (the deadline moves in
 * the record and in every instance of the case) and its extension requests are delivered to the
 * case by the case-event service, so it is started by its caller: a case referred on Monday 2 March
 * 2026 and identified (T0) on 3 March, whose offer is accepted, so the return track runs with the
 * departure deadline 2 April (T0 + 30; latest possible 1 July). The deadline counts as passed at
 * 00:00 on 3 April; the preparation warning is due 14 days before it (19 March, 08:00), the
 * reminder to the contact person 7 days before (26 March, 08:00), lead times of {@code LeadTimes}.
 */
class DepartureDeadlineProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);
  static final LocalDate DEADLINE = LocalDate.of(2026, 4, 2);
  static final LocalDate NEW_DEADLINE = LocalDate.of(2026, 5, 15);

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  /** The case with its offer accepted, and the departure deadline instance its main process called. */
  record Case(Journey journey, ProcessInstance main, ProcessInstance deadline) {
  }

  Case returnTrack() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    ProcessInstance main = j.main();
    ProcessInstance deadline = calledProcessInstance(
        processInstanceQuery().processDefinitionKey(DepartureDeadlineProcess.KEY), main);
    assertThat(deadline).isStarted().isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST);
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).isEqualTo(at(DEADLINE.plusDays(1).atStartOfDay()));
    return new Case(j, main, deadline);
  }

  long notified(Journey j, String kind) {
    return notifications(j.caseRef()).stream().filter(n -> n.startsWith(kind + ":")).count();
  }

  long timesStarted(ProcessInstance instance, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).count();
  }

  void requestExtension(Journey j) {
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
  }

  @Test
  void withoutARequestTheDeadlinePassesAtTheStartOfTheDayAfterItsLastDay() {
    Case c = returnTrack();
    Journey j = c.journey();

    clockAt(DEADLINE.atTime(23, 59));
    j.executeDueJobs();
    assertThat(c.deadline()).as("the last day of the deadline").isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST)
        .hasNotPassed(TIMER_DEADLINE_PASSED);

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).isEnded().hasPassed(TIMER_DEADLINE_PASSED, END_DEADLINE_RAN_OUT, END_DEADLINE_PASSED)
        .hasNotPassed(MESSAGE_EVENT_EXTENSION_REQUESTED, TASK_DECIDE_ON_EXTENSION);
    assertThat(timesStarted(c.deadline(), SUBPROCESS_DEADLINE_RUNS)).isEqualTo(1);
    assertThat(j.openTaskKeys()).as("the caller hands the case over")
        .containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void thePreparationIsWarnedAboutFourteenDaysBeforeTheDeadlineAndTheDeadlineRunsOn() {
    Case c = returnTrack();
    Journey j = c.journey();
    assertThat(j.timer(BOUNDARY_PREPARATION_WARNING).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 19, 8, 0)));

    j.on(LocalDate.of(2026, 3, 18));
    clockAt(LocalDateTime.of(2026, 3, 19, 7, 59));
    j.executeDueJobs();
    assertThat(c.deadline()).hasNotPassed(BOUNDARY_PREPARATION_WARNING);
    assertThat(notified(j, "PREPARATION_LATE")).isZero();

    clockAt(LocalDateTime.of(2026, 3, 19, 8, 0));
    j.executeDueJobs();
    assertThat(c.deadline()).hasPassed(BOUNDARY_PREPARATION_WARNING, SERVICE_WARN_ABOUT_LATE_PREPARATION,
        END_PREPARATION_WARNING_SENT).isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST).isNotEnded()
        .hasNotPassed(END_DEADLINE_RAN_OUT);
    assertThat(notifications(j.caseRef())).contains("PREPARATION_LATE:da");
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).as("the deadline is not touched")
        .isEqualTo(at(DEADLINE.plusDays(1).atStartOfDay()));
  }

  @Test
  void theContactPersonIsRemindedSevenDaysBeforeTheDeadlineAndTheDeadlineRunsOn() {
    Case c = returnTrack();
    Journey j = c.journey();
    assertThat(j.timer(BOUNDARY_EXTENSION_REMINDER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 26, 8, 0)));

    j.on(LocalDate.of(2026, 3, 25));
    clockAt(LocalDateTime.of(2026, 3, 26, 7, 59));
    j.executeDueJobs();
    assertThat(c.deadline()).hasNotPassed(BOUNDARY_EXTENSION_REMINDER);
    assertThat(notified(j, "EXTENSION_REQUEST_LIMIT")).isZero();

    clockAt(LocalDateTime.of(2026, 3, 26, 8, 0));
    j.executeDueJobs();
    assertThat(c.deadline()).hasPassed(BOUNDARY_EXTENSION_REMINDER, SERVICE_REMIND_CONTACT_PERSON,
        END_CONTACT_PERSON_REMINDED).isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST).isNotEnded()
        .hasNotPassed(END_DEADLINE_RAN_OUT);
    assertThat(notifications(j.caseRef())).as("CMM and the contact person")
        .contains("EXTENSION_REQUEST_LIMIT:da", "EXTENSION_REQUEST_LIMIT:user");
  }

  @Test
  void anExtensionGrantedBeforeTheDeadlineMovesItAndTheDeadlineRunsAgainUntilTheNewDeadline() {
    Case c = returnTrack();
    Journey j = c.journey();
    clockAt(LocalDate.of(2026, 3, 20));
    requestExtension(j);
    assertThat(c.deadline()).hasPassed(MESSAGE_EVENT_EXTENSION_REQUESTED).isWaitingAt(TASK_DECIDE_ON_EXTENSION);
    assertThat(task(TASK_DECIDE_ON_EXTENSION, c.deadline())).hasCandidateGroup("udlaendingestyrelsen")
        .hasDueDate(at(DEADLINE.atTime(23, 59)));

    j.complete(TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION", "newDepartureDeadline",
        NEW_DEADLINE.toString());
    assertThat(c.deadline()).hasPassed(SERVICE_MOVE_DEPARTURE_DEADLINE, END_DEADLINE_MOVED)
        .hasNotPassed(GATEWAY_DEADLINE_ALREADY_PASSED).isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST).isNotEnded();
    assertThat(timesStarted(c.deadline(), SUBPROCESS_DEADLINE_RUNS)).as("the deadline runs again").isEqualTo(2);
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(NEW_DEADLINE);
    assertThat(cases.require(j.caseRef()).extensionGround()).as("the legal ground is kept").isEqualTo("COOPERATION");
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).isEqualTo(at(NEW_DEADLINE.plusDays(1).atStartOfDay()));
    assertThat(j.timer(BOUNDARY_PREPARATION_WARNING).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 1, 8, 0)));
    assertThat(j.timer(BOUNDARY_EXTENSION_REMINDER).getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 5, 8, 8, 0)));

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).as("the old deadline no longer counts").isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST);

    clockAt(NEW_DEADLINE.atTime(23, 59));
    j.executeDueJobs();
    assertThat(c.deadline()).as("the last day of the new deadline").isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST)
        .hasNotPassed(TIMER_DEADLINE_PASSED);
    clockAt(NEW_DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).isEnded().hasPassed(TIMER_DEADLINE_PASSED, END_DEADLINE_RAN_OUT, END_DEADLINE_PASSED);
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void anExtensionRefusedOnTheLastDayLeavesTheDeadlineRunningUntilItPasses() {
    Case c = returnTrack();
    Journey j = c.journey();
    clockAt(DEADLINE.atTime(23, 58));
    requestExtension(j);
    assertThat(c.deadline()).isWaitingAt(TASK_DECIDE_ON_EXTENSION);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(c.deadline().getId())
        .activityId(TIMER_DEADLINE_PASSED).count()).as("the request came first: no deadline timer while it is decided")
        .isZero();

    clockAt(DEADLINE.atTime(23, 59));
    j.complete(TASK_DECIDE_ON_EXTENSION, "extensionDecision", "REFUSED");
    assertThat(c.deadline()).hasPassed(GATEWAY_DEADLINE_ALREADY_PASSED)
        .hasNotPassed(SERVICE_MOVE_DEPARTURE_DEADLINE, END_REFUSED_AFTER_DEADLINE)
        .isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST);
    assertThat(timesStarted(c.deadline(), SUBPROCESS_DEADLINE_RUNS)).as("within the same run").isEqualTo(1);
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).isEqualTo(at(DEADLINE.plusDays(1).atStartOfDay()));
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(DEADLINE);

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).isEnded().hasPassed(TIMER_DEADLINE_PASSED, END_DEADLINE_RAN_OUT, END_DEADLINE_PASSED);
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void anExtensionRequestedOnTheLastDayAndRefusedAfterTheDeadlineEndsWithTheDeadlinePassed() {
    Case c = returnTrack();
    Journey j = c.journey();
    clockAt(DEADLINE.atTime(16, 0));
    requestExtension(j);

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).as("a pending request is decided before the deadline can pass")
        .isWaitingAt(TASK_DECIDE_ON_EXTENSION).hasNotPassed(TIMER_DEADLINE_PASSED);
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();

    j.complete(TASK_DECIDE_ON_EXTENSION, "extensionDecision", "REFUSED");
    assertThat(c.deadline()).isEnded().hasPassed(GATEWAY_DEADLINE_ALREADY_PASSED, END_REFUSED_AFTER_DEADLINE,
        END_DEADLINE_PASSED).hasNotPassed(TIMER_DEADLINE_PASSED, END_DEADLINE_RAN_OUT, SERVICE_MOVE_DEPARTURE_DEADLINE);
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(DEADLINE);
    assertThat(j.openTaskKeys()).as("handed over at once")
        .containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void anExtensionRequestedBeforeTheDeadlineAndGrantedAfterItMovesTheDeadline() {
    Case c = returnTrack();
    Journey j = c.journey();
    clockAt(DEADLINE.minusDays(1));
    requestExtension(j);

    clockAt(DEADLINE.plusDays(1).atStartOfDay());
    j.executeDueJobs();
    assertThat(c.deadline()).isWaitingAt(TASK_DECIDE_ON_EXTENSION).hasNotPassed(TIMER_DEADLINE_PASSED);

    clockAt(DEADLINE.plusDays(3));
    j.complete(TASK_DECIDE_ON_EXTENSION, "extensionDecision", "GRANTED", "extensionGround", "COOPERATION", "newDepartureDeadline",
        NEW_DEADLINE.toString());
    assertThat(c.deadline()).hasPassed(SERVICE_MOVE_DEPARTURE_DEADLINE, END_DEADLINE_MOVED)
        .hasNotPassed(END_DEADLINE_PASSED).isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST).isNotEnded();
    assertThat(timesStarted(c.deadline(), SUBPROCESS_DEADLINE_RUNS)).isEqualTo(2);
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(NEW_DEADLINE);
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).isEqualTo(at(NEW_DEADLINE.plusDays(1).atStartOfDay()));
    assertThat(j.hasTask(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN)).isFalse();
  }

  /**
   * An EU citizen's restitution period is CMM's: CMM decides the extension (not Udlændingestyrelsen,
   * and not under § 33(14)), on a ground from the list, within the latest end of the period.
   */
  @Test
  void anExtensionOfARestitutionPeriodIsDecidedByCmmOnAGroundAndMovesTheEndOfThePeriod() {
    Journey j = newCase(REFERRAL, Referral.ResidenceStatus.EU_CITIZEN, "RO").identify(T0).acceptOffer();
    ProcessInstance deadline = calledProcessInstance(
        processInstanceQuery().processDefinitionKey(DepartureDeadlineProcess.KEY), j.main());
    clockAt(LocalDate.of(2026, 3, 20));
    requestExtension(j);
    assertThat(deadline).hasPassed(MESSAGE_EVENT_EXTENSION_REQUESTED, DepartureDeadlineProcess.GATEWAY_RESTITUTION_PERIOD)
        .isWaitingAt(DepartureDeadlineProcess.TASK_DECIDE_ON_RESTITUTION_EXTENSION);
    assertThat(task(DepartureDeadlineProcess.TASK_DECIDE_ON_RESTITUTION_EXTENSION, deadline)).hasCandidateGroup("cmm")
        .hasDueDate(at(DEADLINE.atTime(23, 59)));
    assertThat(j.hasTask(TASK_DECIDE_ON_EXTENSION)).as("not Udlændingestyrelsen's").isFalse();
    assertThatThrownBy(() -> requestExtension(j)).as("one request at a time").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Der er allerede en anmodning om forlængelse, som afventer afgørelse");

    String decide = DepartureDeadlineProcess.TASK_DECIDE_ON_RESTITUTION_EXTENSION;
    assertThatThrownBy(() -> j.complete(decide, "extensionDecision", "GRANTED", "newDepartureDeadline",
        NEW_DEADLINE.toString())).as("no ground").isInstanceOf(InvalidFormInput.class)
        .hasMessageContaining("Grundlag for forlængelsen");
    assertThatThrownBy(() -> j.complete(decide, "extensionDecision", "GRANTED", "extensionGround", "POLICE",
        "newDepartureDeadline", NEW_DEADLINE.toString())).as("a ground outside the list")
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("Grundlag for forlængelsen");
    assertThatThrownBy(() -> j.complete(decide, "extensionDecision", "GRANTED", "extensionGround", "SPECIAL_REASONS",
        "newDepartureDeadline", "2026-07-02")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Ny slutdato for restitutionsperioden: må ikke ligge efter 01.07.2026");
    assertThat(cases.require(j.caseRef()).departureDeadline()).as("nothing changed").isEqualTo(DEADLINE);
    assertThat(cases.require(j.caseRef()).extensionGround()).isNull();
    assertThat(deadline).isWaitingAt(decide);

    j.complete(decide, "extensionDecision", "GRANTED", "extensionGround", "SPECIAL_REASONS", "newDepartureDeadline",
        NEW_DEADLINE.toString());
    assertThat(deadline).hasPassed(SERVICE_MOVE_DEPARTURE_DEADLINE, END_DEADLINE_MOVED).hasNotPassed(TASK_DECIDE_ON_EXTENSION)
        .isWaitingAt(GATEWAY_DEADLINE_OR_REQUEST);
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(NEW_DEADLINE);
    assertThat(cases.require(j.caseRef()).extensionGround()).isEqualTo("SPECIAL_REASONS");
    assertThat(j.timer(TIMER_DEADLINE_PASSED).getDuedate()).isEqualTo(at(NEW_DEADLINE.plusDays(1).atStartOfDay()));
  }
}
