package dk.preparedreturn.reintegration;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A case closed because contact was lost after the arrival (the partner's tracing failed) is
 * reopened when the person gets back in touch within the support period and DRC resumes the support:
 * the months that had not begun follow, then the final report and the evaluation close it as
 * completed, counted once in the statistics. DRC may also decide not to resume; the event is refused
 * for any other closed case, for an open one and after the support period, and changes nothing then.
 */
class ResumeSupportProcessTest extends ProcessTestBase {

  static final LocalDate ARRIVAL = LocalDate.of(2026, 5, 29);

  /** Arrived on 29 May 2026; contact lost in month 10, tracing fails, DRC closes the case. */
  Journey closedForLostContact() {
    Journey j = newCase(LocalDate.of(2026, 5, 4)).identify(LocalDate.of(2026, 5, 5)).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28)).arrived(ARRIVAL);
    j.on(ARRIVAL.plusMonths(9).plusDays(3));
    j.contactLostForGood(events, "drc");
    j.complete("Task_CloseCaseAfterDropOut", "paymentsStopped", true, "partnerInformed", true);
    CaseFile closed = cases.require(j.caseRef());
    assertThat(closed.outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(closed.exitReason()).isEqualTo("CONTACT_LOST");
    return j;
  }

  @Test
  void thePersonIsBackInTouchAndTheSupportResumesWithTheMonthsNotYetBegun() {
    Journey j = closedForLostContact();
    assertThat(statisticsRows()).as("the closure counted").isEqualTo(statisticsBefore + 1);

    // month 11 began on 29 April 2027; two days later the partner hears from the person
    j.on(ARRIVAL.plusMonths(10).plusDays(2));
    j.report(events, CaseEvent.PERSON_BACK_IN_TOUCH, null, "partner-ng");
    assertThat(j.openTaskKeys()).containsExactly(ResumeSupportProcess.TASK_DECIDE_ON_RESUMPTION);
    assertThat(cases.require(j.caseRef()).closed()).as("closed until DRC decides").isTrue();
    assertThatThrownBy(() -> j.report(events, CaseEvent.PERSON_BACK_IN_TOUCH, null, "drc"))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Dansk Flygtningehjælp har allerede en beslutning om genoptagelse af støtten til behandling");

    j.complete(ResumeSupportProcess.TASK_DECIDE_ON_RESUMPTION, "resumptionDecision", "RESUME");
    CaseFile reopened = cases.require(j.caseRef());
    assertThat(reopened.phase()).isEqualTo(CasePhase.REINTEGRATION);
    assertThat(reopened.outcome()).isNull();
    assertThat(reopened.exitReason()).isNull();
    assertThat(statisticsRows()).as("no longer a closed journey").isEqualTo(statisticsBefore);
    assertThat(j.openTaskKeys()).as("month 12 has not begun").isEmpty();

    // month 12 (reimbursement): no claims this month; then the final report and DRC's evaluation
    j.on(ARRIVAL.plusMonths(11));
    j.complete("Task_SubmitReimbursementClaims", "claims", Journey.json("[]"));
    j.on(ARRIVAL.plusMonths(12));
    j.complete("Task_SubmitFinalReport", "economicSituation", "3", "socialSituation", "3",
        "psychosocialSituation", "3", "programmeResult", "SUSTAINABLE");
    j.complete("Task_EvaluateAndCloseCase", "evaluation", "PARTLY_SUCCESSFUL", "finalPaymentsSettled", true);
    CaseFile completed = cases.require(j.caseRef());
    assertThat(completed.outcome()).isEqualTo(CaseOutcome.COMPLETED);
    assertThat(j.passed(ResumeSupportProcess.END_PROGRAMME_COMPLETED)).isEqualTo(1);
    String resumed = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(j.caseRef()).processDefinitionKey(ResumeSupportProcess.KEY).singleResult().getId();
    var months = engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(resumed).list();
    assertThat(months).as("only month 12 followed; nothing afterwards for the months without contact").hasSize(1);
    assertThat(((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(months.get(0).getId()).variableName("supportMonth").singleResult().getValue()).intValue())
        .isEqualTo(12);
    assertThat(statisticsRows()).as("the journey counted once, as completed").isEqualTo(statisticsBefore + 1);
    assertThat(jdbc.sql("SELECT count(*) FROM case_statistics WHERE outcome = 'DROPPED_OUT'").query(Long.class)
        .single()).as("not also as a drop-out").isEqualTo(droppedOutBefore);
  }

  @Test
  void drcMayDecideNotToResumeAndTheCaseStaysClosed() {
    Journey j = closedForLostContact();
    j.on(ARRIVAL.plusMonths(10).plusDays(2));
    j.report(events, CaseEvent.PERSON_BACK_IN_TOUCH, null, "drc");
    j.complete(ResumeSupportProcess.TASK_DECIDE_ON_RESUMPTION, "resumptionDecision", "NOT_RESUMED");
    CaseFile file = cases.require(j.caseRef());
    assertThat(file.outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    assertThat(j.passed(ResumeSupportProcess.END_NOT_RESUMED)).isEqualTo(1);
    assertThat(statisticsRows()).isEqualTo(statisticsBefore + 1);
  }

  @Test
  void onlyACaseClosedForLostContactAndOnlyWithinTheSupportPeriodCanBeReopened() {
    Journey open = newCase(LocalDate.of(2026, 5, 4)).identify(LocalDate.of(2026, 5, 5));
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResumeSupportProcess.KEY).count();
    assertThatThrownBy(() -> open.report(events, CaseEvent.PERSON_BACK_IN_TOUCH, null, "cmm"))
        .isInstanceOf(InvalidFormInput.class).hasMessageStartingWith("Kun en sag, der blev afsluttet");

    Journey late = closedForLostContact();
    late.on(ARRIVAL.plusMonths(12).plusDays(1));
    assertThatThrownBy(() -> late.report(events, CaseEvent.PERSON_BACK_IN_TOUCH, null, "drc"))
        .as("after the support period").isInstanceOf(InvalidFormInput.class)
        .hasMessageStartingWith("Kun en sag, der blev afsluttet");
    assertThat(cases.require(late.caseRef()).closed()).isTrue();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ResumeSupportProcess.KEY).count()).as("nothing started").isEqualTo(instances);
  }

  private long statisticsBefore;
  private long droppedOutBefore;

  @org.junit.jupiter.api.BeforeEach
  void countStatistics() {
    statisticsBefore = statisticsRows();
    droppedOutBefore = jdbc.sql("SELECT count(*) FROM case_statistics WHERE outcome = 'DROPPED_OUT'")
        .query(Long.class).single();
  }

  private long statisticsRows() {
    return jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single();
  }
}
