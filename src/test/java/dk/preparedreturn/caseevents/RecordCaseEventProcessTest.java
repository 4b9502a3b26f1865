package dk.preparedreturn.caseevents;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static dk.preparedreturn.testsupport.Journey.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.preparedreturn.forms.InvalidFormInput;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code RecordCaseEvent}, the Danish caseworkers' start form: an event the case can receive is
 * delivered to it; a refused event leaves nothing behind.
 */
class RecordCaseEventProcessTest extends CaseEventForms {

  static final String KEY = "RecordCaseEvent";

  @Test
  void aCmmCaseworkerRequestsAnExtension() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    ProcessInstance event = startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), KEY,
        vars("caseRef", j.caseRef(), "event", "EXTENSION_REQUESTED", "eventDate", T0.toString()));
    assertThat(event.isEnded()).isTrue();
    assertThat(event).hasPassed("ServiceTask_DeliverEvent", "EndEvent_EventDelivered");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(event.getId())
        .singleResult().getBusinessKey()).isEqualTo(j.caseRef());
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isTrue();
  }

  @Test
  void aPartnerCannotStartTheDanishForm() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    assertThatThrownBy(() -> startAs(TestUsers.PARTNER_NG, List.of("partner-ng"), KEY,
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void eventsTheCaseCannotReceiveAreRefusedWithAReason() {
    Journey j = newCase(REFERRAL);
    long before = started(KEY);
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), KEY,
        vars("caseRef", j.caseRef(), "event", "EXTENSION_REQUESTED", "eventDate", REFERRAL.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Sagen kan ikke modtage denne hændelse i sin nuværende fase");
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), KEY,
        vars("caseRef", "FH-2026-99999", "event", "PERSON_WITHDREW", "eventDate", REFERRAL.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Sagen FH-2026-99999 findes ikke");
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), KEY,
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", REFERRAL.plusDays(1).toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("ikke ligge i fremtiden");
    assertThatThrownBy(() -> startAs(TestUsers.HJS_CASEWORKER, List.of("hjemrejsestyrelsen"), KEY,
        vars("caseRef", j.caseRef(), "event", "FLIGHT_REBOOKED", "eventDate", REFERRAL.toString(),
            "newDate", REFERRAL.plusDays(9).toString())))
        .as("Hjemrejsestyrelsen does not take part yet").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Din organisation kan ikke registrere denne hændelse i sagen");
    assertThat(started(KEY)).as("nothing left behind").isEqualTo(before);
  }

  @Test
  void thePoliceMayStartAnInvestigationAndThenTakePart() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    clockAt(T0.plusDays(1));
    ProcessInstance event = startAs("pol-test", List.of("politi"), KEY,
        vars("caseRef", j.caseRef(), "event", "INVESTIGATION_STARTED", "eventDate", T0.plusDays(1).toString()));
    assertThat(event).isEnded().hasPassed("EndEvent_EventDelivered");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    assertThat(jdbc.sql("SELECT count(*) FROM case_participant WHERE case_ref = ? AND group_id = 'politi'")
        .param(j.caseRef()).query(Long.class).single()).isEqualTo(1);
  }
}
