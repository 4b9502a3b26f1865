package dk.preparedreturn.caseevents;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code RecordCaseEvent}: an event a Danish caseworker reports is delivered to the case and kept
 * with its reporter; a refused event leaves nothing behind; only the service starts the process.
 */
class RecordCaseEventProcessTest extends CaseEventForms {

  static final String KEY = CaseEventService.RECORD_CASE_EVENT;

  @Test
  void aCmmCaseworkerRequestsAnExtension() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    HistoricProcessInstance event = reportAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), j.caseRef(),
        CaseEvent.EXTENSION_REQUESTED, T0, null);
    assertThat(event.getProcessDefinitionKey()).isEqualTo(KEY);
    assertThat(event.getEndTime()).isNotNull();
    assertThat(passed(event, "ServiceTask_DeliverEvent")).isTrue();
    assertThat(passed(event, "EndEvent_EventDelivered")).isTrue();
    assertThat(event.getBusinessKey()).isEqualTo(j.caseRef());
    assertThat(variable(event, "reportedBy")).as("the signed-in reporter").isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isTrue();
  }

  @Test
  void nobodyButTheServiceStartsTheEventProcess() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    long before = started(KEY);
    for (String[] user : new String[][] {{TestUsers.CMM_CASEWORKER, "cmm"}, {TestUsers.PARTNER_NG, "partner-ng"},
        {"po-test", "procesejere"}}) {
      engine.getIdentityService().setAuthentication(user[0], List.of(user[1]));
      try {
        assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey(j.caseRef())
            .setVariables(Journey.vars("caseRef", j.caseRef(), "event", "EXTENSION_REQUESTED", "eventDate",
                T0.toString(), "reportedBy", "cmm-karen", "reporterGroup", "cmm"))
            .execute()).as(user[1]).isInstanceOf(AuthorizationException.class);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
    assertThat(started(KEY)).isEqualTo(before);
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isFalse();
  }

  @Test
  void eventsTheCaseCannotReceiveAreRefusedWithAReason() {
    Journey j = newCase(REFERRAL);
    long before = started(KEY);
    assertThatThrownBy(() -> reportAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), j.caseRef(),
        CaseEvent.EXTENSION_REQUESTED, REFERRAL, null))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Sagen kan ikke modtage denne hændelse i sin nuværende fase");
    assertThatThrownBy(() -> reportAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "FH-2026-99999",
        CaseEvent.PERSON_WITHDREW, REFERRAL, null)).isInstanceOf(CaseNotFound.class);
    assertThatThrownBy(() -> reportAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), j.caseRef(),
        CaseEvent.PERSON_WITHDREW, REFERRAL.plusDays(1), null))
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("ikke ligge i fremtiden");
    assertThatThrownBy(() -> reportAs(TestUsers.HJS_CASEWORKER, List.of("hjemrejsestyrelsen"), j.caseRef(),
        CaseEvent.FLIGHT_REBOOKED, REFERRAL, REFERRAL.plusDays(9)))
        .as("Hjemrejsestyrelsen does not take part yet: the case is not its to see").isInstanceOf(CaseNotFound.class);
    assertThatThrownBy(() -> reportAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), j.caseRef(),
        CaseEvent.FLIGHT_REBOOKED, REFERRAL, REFERRAL.plusDays(9)))
        .as("CMM takes part but does not book flights").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Din organisation kan ikke registrere denne hændelse i sagen");
    assertThat(started(KEY)).as("nothing left behind").isEqualTo(before);
  }

  @Test
  void thePoliceMayStartAnInvestigationAndThenTakePart() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    clockAt(T0.plusDays(1));
    HistoricProcessInstance event = reportAs(TestUsers.POLICE, List.of("politi"), j.caseRef(),
        CaseEvent.INVESTIGATION_STARTED, T0.plusDays(1), null);
    assertThat(passed(event, "EndEvent_EventDelivered")).isTrue();
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    assertThat(jdbc.sql("SELECT count(*) FROM case_participant WHERE case_ref = ? AND group_id = 'politi'")
        .param(j.caseRef()).query(Long.class).single()).isEqualTo(1);
  }
}
