package dk.preparedreturn.caseevents;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static dk.preparedreturn.testsupport.Journey.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.forms.InvalidFormInput;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code RecordCaseEvent} and {@code ReportPartnerEvent}, started from Tasklist by signed-in
 * caseworkers with authorization checks on: a refused event leaves nothing behind.
 */
class CaseEventProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  ProcessInstance startAs(String user, List<String> groups, String processKey, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definition, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  long started(String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  @Test
  void aCmmCaseworkerRequestsAnExtension() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    ProcessInstance event = startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "EXTENSION_REQUESTED", "eventDate", T0.toString()));
    assertThat(event.isEnded()).isTrue();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(event.getId())
        .singleResult().getBusinessKey()).isEqualTo(j.caseRef());
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isTrue();
  }

  @Test
  void aPartnerReportsForItsOwnCaseInEnglishAndIsRefusedForAnotherCountry() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    long before = started("ReportPartnerEvent");
    assertThatThrownBy(() -> startAs("th-test", List.of("partner-th"), "ReportPartnerEvent",
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Your organisation cannot report this event for this case");
    assertThat(started("ReportPartnerEvent")).as("nothing left behind").isEqualTo(before);
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).isTrue();

    startAs(TestUsers.PARTNER_NG, List.of("partner-ng"), "ReportPartnerEvent",
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString()));
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
  }

  @Test
  void aPartnerCannotStartTheDanishFormNorADanishCaseworkerThePartnerForm() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    assertThatThrownBy(() -> startAs(TestUsers.PARTNER_NG, List.of("partner-ng"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "ReportPartnerEvent",
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", T0.toString())))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void eventsTheCaseCannotReceiveAreRefusedWithAReason() {
    Journey j = newCase(REFERRAL);
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "EXTENSION_REQUESTED", "eventDate", REFERRAL.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Sagen kan ikke modtage denne hændelse i sin nuværende fase");
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "RecordCaseEvent",
        vars("caseRef", "FH-2026-99999", "event", "PERSON_WITHDREW", "eventDate", REFERRAL.toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Sagen FH-2026-99999 findes ikke");
    assertThatThrownBy(() -> startAs(TestUsers.CMM_CASEWORKER, List.of("cmm"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "PERSON_WITHDREW", "eventDate", REFERRAL.plusDays(1).toString())))
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("ikke ligge i fremtiden");
    assertThatThrownBy(() -> startAs(TestUsers.HJS_CASEWORKER, List.of("hjemrejsestyrelsen"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "FLIGHT_REBOOKED", "eventDate", REFERRAL.toString(),
            "newDate", REFERRAL.plusDays(9).toString())))
        .as("Hjemrejsestyrelsen does not take part yet").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Din organisation kan ikke registrere denne hændelse i sagen");
  }

  @Test
  void thePoliceMayStartAnInvestigationAndThenTakePart() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    clockAt(T0.plusDays(1));
    startAs("pol-test", List.of("politi"), "RecordCaseEvent",
        vars("caseRef", j.caseRef(), "event", "INVESTIGATION_STARTED", "eventDate", T0.plusDays(1).toString()));
    assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_RECORD_END_OF_SUSPENSION);
    assertThat(jdbc.sql("SELECT count(*) FROM case_participant WHERE case_ref = ? AND group_id = 'politi'")
        .param(j.caseRef()).query(Long.class).single()).isEqualTo(1);
  }
}
