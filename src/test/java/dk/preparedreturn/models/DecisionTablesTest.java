package dk.preparedreturn.models;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of every decision table in processes/decisions/, evaluated by the engine. */
class DecisionTablesTest extends ProcessTestBase {

  DmnDecisionResultEntries evaluate(String decision, Map<String, Object> inputs) {
    return engine.getDecisionService().evaluateDecisionByKey(decision).variables(Variables.fromMap(inputs)).evaluate()
        .getSingleResult();
  }

  @ParameterizedTest(name = "{0} -> {1}, {2}, departure obligation {3}, starts suspended {4}")
  @CsvSource({
      "NO_LAWFUL_RESIDENCE, udlaendingestyrelsen, REFLECTION,  true,  false",
      "ASYLUM_SEEKER,       udlaendingestyrelsen, REFLECTION,  true,  true",
      "LAWFUL_RESIDENCE,    cmm,                  RESTITUTION, false, false",
      "EU_CITIZEN,          cmm,                  RESTITUTION, false, false"})
  void identifyingBody(String status, String body, String period, boolean obligation, boolean suspended) {
    var result = evaluate("IdentifyingBody", Map.of("residenceStatus", status));
    assertThat(result.<String>getEntry("identifyingBody")).isEqualTo(body);
    assertThat(result.<String>getEntry("periodType")).isEqualTo(period);
    assertThat(result.<Boolean>getEntry("departureObligation")).isEqualTo(obligation);
    assertThat(result.<Boolean>getEntry("startsSuspended")).isEqualTo(suspended);
    assertThat(result).hasSize(4);
  }

  @ParameterizedTest(name = "{0}: {1} days, at most {2}")
  @CsvSource({"REFLECTION, 30, 120", "RESTITUTION, 30, 120"})
  void casePeriods(String period, int initial, int max) {
    var result = evaluate("CasePeriods", Map.of("periodType", period));
    assertThat(((Number) result.getEntry("initialPeriodDays")).intValue()).isEqualTo(initial);
    assertThat(((Number) result.getEntry("maxPeriodDays")).intValue()).isEqualTo(max);
  }

  @ParameterizedTest(name = "{0} = {1} days")
  @CsvSource({"screeningDays, 3", "identificationDays, 14", "contactPersonDays, 2", "extensionReminderDays, 7",
      "preparationWarningDays, 14", "partnerSearchWarningDays, 21", "receptionConfirmationDays, 2",
      "planRefinementDays, 30", "paymentDays, 7", "claimReviewDays, 10", "reportDays, 14", "handoverDays, 3", "partnerHandOverDays, 10",
      "arrivalFollowUpDays, 2", "escortDays, 7", "partnerMeetingDays, 5", "airportAssistanceDays, 3",
      "personPreparedDays, 2"})
  void leadTimes(String name, int days) {
    for (String period : new String[] {"REFLECTION", "RESTITUTION"}) {
      var rows = engine.getDecisionService().evaluateDecisionByKey("LeadTimes")
          .variables(Variables.fromMap(Map.of("periodType", period))).evaluate();
      assertThat(rows.getResultList()).as("one row per lead time").hasSize(18)
          .allSatisfy(row -> assertThat(row.keySet()).containsExactlyInAnyOrder("leadTime", "days"));
      assertThat(rows.getResultList().stream().filter(row -> name.equals(row.get("leadTime"))))
          .as(name + " for " + period).singleElement()
          .satisfies(row -> assertThat(((Number) row.get("days")).intValue()).isEqualTo(days));
    }
  }

  @ParameterizedTest(name = "{0}: agreement {1}")
  @CsvSource({"partner-ng, true", "partner-ng-lagos, true", "partner-th, true", "partner-ug, true", "partner-ro, false",
      "partner-gh, false"})
  void partnerAgreement(String group, boolean agreement) {
    assertThat(evaluate("PartnerAgreement", Map.of("partnerGroup", group)).<Boolean>getEntry("partnerAgreement"))
        .isEqualTo(agreement);
  }

  /** Partners by country and region: a regional partner where there is one, else the country's (empty: none yet). */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({"NG, NG_LAGOS, partner-ng-lagos", "NG, NG_EDO, partner-ng", "NG, NG_DELTA, partner-ng", "NG, , partner-ng",
      "TH, , partner-th", "UG, , partner-ug", "RO, , ", "IT, , "})
  void partnerRouting(String country, String region, String group) {
    Map<String, Object> inputs = new java.util.HashMap<>();
    inputs.put("countryOfReturn", country);
    inputs.put("returnRegion", region);
    assertThat(evaluate("PartnerRouting", inputs).<String>getEntry("partnerGroup")).isEqualTo(group);
    if (group != null) {
      assertThat(evaluate("PartnerAgreement", Map.of("partnerGroup", group)).<Boolean>getEntry("partnerAgreement"))
          .as("every partner the routing names has an agreement").isTrue();
    }
  }

  @ParameterizedTest(name = "month {0}: cash {1}, report {2}")
  @CsvSource({"1, true, false", "2, true, false", "3, true, true", "4, true, false", "5, true, false",
      "6, true, true", "7, false, false", "8, false, false", "9, false, true", "10, false, false", "11, false, false",
      "12, false, false", "13, false, false", "24, false, false"})
  void supportMonth(int month, boolean cash, boolean report) {
    var rows = engine.getDecisionService().evaluateDecisionByKey("SupportMonthPlan")
        .variables(Variables.fromMap(Map.of("supportMonth", month))).evaluate();
    assertThat(rows.collectEntries("support").contains("CASH_SUPPORT")).isEqualTo(cash);
    assertThat(rows.collectEntries("support").contains("PROGRESS_REPORT")).isEqualTo(report);
    assertThat(rows.getResultList()).allSatisfy(row -> assertThat(row.keySet()).containsExactly("support"));
  }

  @ParameterizedTest(name = "{0}: {1} months")
  @CsvSource({"partner-ng, 12", "partner-th, 12", "partner-gh, 12"})
  void supportPeriod(String group, int months) {
    assertThat(((Number) evaluate("SupportPeriod", Map.of("partnerGroup", group)).getEntry("supportMonths")).intValue())
        .isEqualTo(months);
  }

  @ParameterizedTest(name = "re-trafficking {0}, retaliation {1}, family {2}, fitness {3}, child {4}: safe {5}")
  @CsvSource(nullValues = "null", value = {
      "LOW, LOW, LOW, FIT, null, true",
      "MEDIUM, MEDIUM, MEDIUM, FIT_WITH_SUPPORT, null, true",
      "HIGH, LOW, LOW, FIT, null, false",
      "LOW, HIGH, LOW, FIT, null, false",
      "LOW, LOW, HIGH, FIT, null, false",
      "LOW, LOW, LOW, NOT_FIT, null, false",
      "LOW, LOW, LOW, FIT, RETURN_IN_BEST_INTERESTS, true",
      "LOW, LOW, LOW, FIT, RETURN_NOT_IN_BEST_INTERESTS, false"})
  void returnSafety(String reTrafficking, String retaliation, String family, String fitness, String child,
      boolean safe) {
    Map<String, Object> inputs = new java.util.HashMap<>(Map.of("reTraffickingRisk", reTrafficking, "retaliationRisk",
        retaliation, "familyInvolvementRisk", family, "fitnessToTravel", fitness));
    if (child != null) {
      inputs.put("bestInterestOutcome", child);
    }
    assertThat(evaluate("ReturnSafety", inputs).<Boolean>getEntry("returnSafe")).isEqualTo(safe);
  }
}
