package dk.preparedreturn.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code ReportPartnerEvent}: a partner abroad reports for a case routed to it (messages in English);
 * for any other case the answer is the same as for a case that does not exist.
 */
class ReportPartnerEventProcessTest extends CaseEventForms {

  static final String KEY = CaseEventService.REPORT_PARTNER_EVENT;

  @Test
  void aPartnerReportsForItsOwnCaseAndGetsNoAnswerForAnotherCountrysCase() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    long before = started(KEY);
    assertThatThrownBy(() -> reportAs(TestUsers.PARTNER_TH, List.of("partner-th"), j.caseRef(),
        CaseEvent.PERSON_WITHDREW, T0, null)).isInstanceOf(CaseNotFound.class);
    assertThat(started(KEY)).as("nothing left behind").isEqualTo(before);
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).isTrue();

    assertThatThrownBy(() -> reportAs(TestUsers.PARTNER_NG, List.of("partner-ng"), j.caseRef(),
        CaseEvent.EXTENSION_REQUESTED, T0, null)).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Your organisation cannot report this event for this case");

    HistoricProcessInstance event = reportAs(TestUsers.PARTNER_NG, List.of("partner-ng"), j.caseRef(),
        CaseEvent.PERSON_WITHDREW, T0, null);
    assertThat(event.getProcessDefinitionKey()).isEqualTo(KEY);
    assertThat(passed(event, "ServiceTask_DeliverEvent")).isTrue();
    assertThat(passed(event, "EndEvent_EventDelivered")).isTrue();
    assertThat(variable(event, "reportedBy")).isEqualTo(TestUsers.PARTNER_NG);
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }
}
