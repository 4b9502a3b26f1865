package dk.preparedreturn.caseevents;

import static dk.preparedreturn.testsupport.Journey.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.preparedreturn.forms.InvalidFormInput;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code ReportPartnerEvent}, the partners' start form (English): only for cases routed to the
 * partner's country; a refused event leaves nothing behind.
 */
class ReportPartnerEventProcessTest extends CaseEventForms {

  static final String KEY = "ReportPartnerEvent";

  @Test
  void aPartnerReportsForItsOwnCaseInEnglishAndIsRefusedForAnotherCountry() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    long before = started(KEY);
    assertThatThrownBy(() -> startAs("th-test", List.of("partner-th"), KEY,
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Your organisation cannot report this event for this case");
    assertThat(started(KEY)).as("nothing left behind").isEqualTo(before);
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).isTrue();

    ProcessInstance event = startAs(TestUsers.PARTNER_NG, List.of("partner-ng"), KEY,
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString()));
    assertThat(event).isEnded().hasPassed("ServiceTask_DeliverEvent", "EndEvent_EventDelivered");
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void aDanishCaseworkerCannotStartThePartnerForm() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), KEY,
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(AuthorizationException.class);
  }
}
