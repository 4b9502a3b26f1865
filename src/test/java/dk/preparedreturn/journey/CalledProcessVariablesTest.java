package dk.preparedreturn.journey;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Data minimisation between the main process and the phases it calls: each called process holds,
 * when the main process has entered its call activity, exactly the variables named in the
 * call activity's {@code camunda:in} mappings and what the called process itself has decided up to
 * its first wait state (a decision table, say). The main process in turn holds none of a phase's
 * own form values, only what a {@code camunda:out} gave back. The lists are the models' mappings,
 * written out: a mapping added or removed changes this test on purpose.
 */
class CalledProcessVariablesTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);
  static final LocalDate DEPARTURE = LocalDate.of(2026, 5, 28);
  static final LocalDate ARRIVAL = LocalDate.of(2026, 5, 29);

  @Test
  void eachCalledProcessHoldsOnlyWhatItReads() {
    Journey j = newCase(REFERRAL);

    assertThat(variables(j, "Identification")).as("Identification: passed in, then its own decisions "
        + "(IdentifyingBody, LeadTimes) at the start").containsExactlyInAnyOrder(
        "caseRef", "residenceStatus", "referralDate",
        "identifyingBody", "periodType", "departureObligation", "startsSuspended",
        "screeningDays", "identificationDays", "contactPersonDays", "extensionReminderDays", "preparationWarningDays",
        "partnerSearchWarningDays", "receptionConfirmationDays", "arrivalFollowUpDays", "planRefinementDays",
        "paymentDays", "claimReviewDays", "reportDays", "handoverDays", "escortDays", "partnerMeetingDays",
        "airportAssistanceDays", "personPreparedDays");

    j.identify(T0);

    assertThat(variables(j, "DepartureDeadline")).as("DepartureDeadline: passed in").containsExactlyInAnyOrder(
        "caseRef", "departureDeadline", "maxDeadline", "extensionReminderDays", "preparationWarningDays");
    assertThat(variables(j, "ReflectionPeriod")).as("ReflectionPeriod: passed in").containsExactlyInAnyOrder(
        "caseRef", "identificationDate", "departureDeadline", "contactPerson", "contactPersonDays");
    assertThat(variables(j, "PreparedReturn")).as("main process after Identification: no screening, "
        + "identifying body, period lengths or reason of the identification phase").doesNotContain(
        "screeningResult", "consentRecorded", "identifyingBody", "notIdentifiedReason", "initialPeriodDays",
        "maxPeriodDays", "screeningDays");

    j.acceptOffer();

    assertThat(variables(j, "ReturnPreparation")).as("ReturnPreparation: passed in, then its own decision "
        + "(PartnerAgreement) at the start").containsExactlyInAnyOrder(
        "caseRef", "identificationDate", "departureDeadline", "contactPerson", "partnerGroup",
        "partnerSearchWarningDays", "escortDays", "partnerMeetingDays", "airportAssistanceDays", "personPreparedDays",
        "partnerAgreement");
    assertThat(variables(j, "PreparedReturn")).as("main process after ReflectionPeriod")
        .doesNotContain("informedOn", "informationGiven", "followUpDate");

    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(DEPARTURE).departed(DEPARTURE);

    assertThat(variables(j, "Reintegration")).as("Reintegration: passed in").containsExactlyInAnyOrder(
        "caseRef", "partnerGroup", "departureDate", "childSupport", "receptionConfirmationDays",
        "arrivalFollowUpDays", "planRefinementDays", "paymentDays", "claimReviewDays", "reportDays");
    assertThat(variables(j, "PreparedReturn")).as("main process after ReturnPreparation: none of its form "
        + "values but what Reintegration reads").doesNotContain("documentsValidUntil", "travelDocuments",
        "flightNumber", "escortDecision", "partnerMeetingDate", "planAreas", "planBudgetDkk", "departureOutcome",
        "partnerAgreement", "accompanyingChildren", "reTraffickingRisk", "retaliationRisk", "familyInvolvementRisk",
        "fitnessToTravel", "returnSafe");

    j.arrived(ARRIVAL);

    List<ProcessInstance> months = instances(j, "SupportMonth");
    assertThat(months).hasSize(12);
    // month 1 began on the arrival and has planned itself (SupportMonth table); the others wait for their first day
    months.stream().filter(m -> ((Number) variable(m, "supportMonth")).intValue() > 1).forEach(month ->
        assertThat(names(month)).as("SupportMonth " + variable(month, "supportMonth") + ": passed in")
            .containsExactlyInAnyOrder("caseRef", "partnerGroup", "arrivalDate", "childSupport", "paymentDays",
                "claimReviewDays", "reportDays", "supportMonth"));
  }

  /** A minor's ChildSafeguards gets what its tasks need; the main process none of its assessments. */
  @Test
  void theChildSafeguardsHoldOnlyWhatTheyRead() {
    clockAt(REFERRAL);
    Journey j = Journey.start(engine, referrals, new dk.preparedreturn.referral.Referral("POL-CPV-MINOR", "politi",
        dk.preparedreturn.referral.Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", REFERRAL,
        new dk.preparedreturn.casefile.PersonData("Fiktiv Mindreårig", REFERRAL.minusYears(16), "NG", "FEMALE",
            "LABOUR", false, 0, "en")));
    j.identify(T0).acceptOffer();
    assertThat(variables(j, "ChildSafeguards")).as("ChildSafeguards: passed in").containsExactlyInAnyOrder(
        "caseRef", "departureDeadline", "contactPerson", "partnerGroup");
    assertThat(variables(j, "PreparedReturn")).doesNotContain("minor", "dateOfBirth");
  }

  Set<String> variables(Journey j, String processKey) {
    List<ProcessInstance> instances = instances(j, processKey);
    assertThat(instances).as("running " + processKey).hasSize(1);
    return names(instances.get(0));
  }

  List<ProcessInstance> instances(Journey j, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(j.caseRef())
        .processDefinitionKey(processKey).list();
  }

  Set<String> names(ProcessInstance instance) {
    return new TreeSet<>(engine.getRuntimeService().getVariables(instance.getId()).keySet());
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }
}
