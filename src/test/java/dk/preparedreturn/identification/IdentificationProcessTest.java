package dk.preparedreturn.identification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;

/** {@code Identification}: screening by CMM, then the decision of the identifying body. */
class IdentificationProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);

  @Test
  void screeningIsDueAfterTheScreeningLeadTime() {
    Journey j = newCase(REFERRAL);
    assertThat(j.task(IdentificationProcess.TASK_SCREEN_REFERRAL).getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 5, 7).atTime(23, 59).atZone(Journey.ZONE).toInstant());
    assertThat(candidateGroups(j, IdentificationProcess.TASK_SCREEN_REFERRAL)).containsExactly("cmm");
  }

  @Test
  void noIndicatorsEndTheCase() {
    Journey j = newCase(REFERRAL);
    ProcessInstance main = j.main();
    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "NO_INDICATORS");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_NOT_IDENTIFIED);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.NOT_IDENTIFIED);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("NO_INDICATORS");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(IdentificationProcess.END_NO_INDICATORS).count()).isPositive();
  }

  @Test
  void indicatorsGoOnToTheIdentifyingBodyOnlyWithConsentAndWithoutItTheCaseEnds() {
    Journey j = newCase(REFERRAL);
    ProcessInstance main = j.main();
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult",
        "INDICATORS_FOUND")).as("no consent box").isInstanceOf(InvalidFormInput.class)
        .hasMessageContaining("samtykke");
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult",
        "INDICATORS_FOUND", "consentRecorded", false)).as("consent box not ticked")
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("samtykke");
    assertThat(j.hasTask(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS)).as("nothing passed on").isFalse();
    assertThat(j.hasTask(IdentificationProcess.TASK_SCREEN_REFERRAL)).isTrue();

    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "NO_CONSENT");
    assertThat(main).isEnded();
    assertThat(j.hasTask(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS)).isFalse();
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("NO_CONSENT");
  }

  @Test
  void udlaendingestyrelsenDecidesWhenThePersonHasNoLawfulResidence() {
    Journey j = newCase(REFERRAL, ResidenceStatus.ASYLUM_SEEKER, "NG");
    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThat(candidateGroups(j, IdentificationProcess.TASK_DECIDE_VICTIM_STATUS))
        .containsExactly("udlaendingestyrelsen");
  }

  @Test
  void cmmDecidesForAnEuCitizenAndTheRestitutionPeriodRuns() {
    Journey j = newCase(REFERRAL, ResidenceStatus.EU_CITIZEN, "RO");
    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThat(candidateGroups(j, IdentificationProcess.TASK_DECIDE_VICTIM_STATUS)).containsExactly("cmm");
    clockAt(REFERRAL.plusDays(2));
    j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome", "IDENTIFIED",
        "identificationDate", "2026-05-06");
    CaseFile file = cases.require(j.caseRef());
    assertThat(file.periodType()).isEqualTo("RESTITUTION");
    assertThat(file.identificationDate()).isEqualTo(LocalDate.of(2026, 5, 6));
    assertThat(file.departureDeadline()).isEqualTo(LocalDate.of(2026, 6, 5));
    assertThat(file.maxDeadline()).isEqualTo(LocalDate.of(2026, 9, 3));
    assertThat(j.variable("departureObligation")).isEqualTo(false);
  }

  @Test
  void aDecisionNotToIdentifyEndsTheCase() {
    Journey j = newCase(REFERRAL);
    ProcessInstance main = j.main();
    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome",
        "NOT_IDENTIFIED")).isInstanceOf(InvalidFormInput.class).hasMessage("Begrundelse: skal udfyldes");
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome",
        "NOT_IDENTIFIED", "notIdentifiedReason", "Personen virkede utroværdig"))
        .as("a reason from the list, never free text").isInstanceOf(InvalidFormInput.class)
        .hasMessageStartingWith("Begrundelse: har en ugyldig værdi");
    assertThat(main).isNotEnded();
    j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome", "NOT_IDENTIFIED",
        "notIdentifiedReason", "TRAFFICKING_NOT_ESTABLISHED");
    assertThat(main).isEnded().hasPassed(PreparedReturnProcess.END_NOT_IDENTIFIED);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.NOT_IDENTIFIED);
    assertThat(cases.require(j.caseRef()).exitReason()).isEqualTo("TRAFFICKING_NOT_ESTABLISHED");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(IdentificationProcess.END_NOT_IDENTIFIED).count()).isPositive();
  }

  @Test
  void theIdentificationDateMayNotLieInTheFutureOrBeforeTheReferral() {
    Journey j = newCase(REFERRAL);
    j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL, "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome",
        "IDENTIFIED", "identificationDate", "2026-05-05"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Afgørelsesdato (T0): må ikke ligge efter 04.05.2026");
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome",
        "IDENTIFIED", "identificationDate", "2026-05-03"))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Afgørelsesdato (T0): må ikke ligge før 04.05.2026");
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS, "identificationOutcome",
        "MAYBE")).isInstanceOf(InvalidFormInput.class).hasMessage("Afgørelse: har en ugyldig værdi: MAYBE");
    assertThat(j.openTaskKeys()).as("nothing changed").containsExactly(IdentificationProcess.TASK_DECIDE_VICTIM_STATUS);
    assertThat(cases.require(j.caseRef()).identificationDate()).isNull();
  }

  @Test
  void aScreeningWithoutAResultIsRefused() {
    Journey j = newCase(REFERRAL);
    assertThatThrownBy(() -> j.complete(IdentificationProcess.TASK_SCREEN_REFERRAL))
        .isInstanceOf(InvalidFormInput.class).hasMessage("Resultat af screeningen: skal udfyldes");
  }

  private java.util.List<String> candidateGroups(Journey j, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(j.task(taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
