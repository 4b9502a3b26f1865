package dk.preparedreturn.testsupport;

import dk.preparedreturn.referral.Referral;
import java.time.LocalDate;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The whole journey of one case, from referral to closure at month 12, as the steps caseworkers take
 * (the same steps as {@code WholeJourneyTest}), with every date relative to the referral day. A
 * {@link Driver} decides how a step is carried out: one case after another with the jobs executed
 * in the calling thread (the database budget test), or many cases at once with the job executor
 * firing the timers (the throughput benchmark).
 */
public final class JourneyScript {

  /** Carries out the steps of a journey. */
  public interface Driver {

    /** Refers the case; the clock stands on the referral day. */
    void refer(Referral referral);

    /** Completes the open task with that key as a caseworker of its group, with form values (name, value pairs). */
    void complete(String taskDefinitionKey, Object... nameValues);

    /** Moves on to 09:00 of that day; what became due meanwhile (timers, asynchronous steps) has run on return. */
    void at(LocalDate day);

    /** The partner uploads a receipt (a small PDF) to the case, as on the case page; its reference (D-…). */
    String uploadReceipt();
  }

  /** Days the journey spans from referral to closure (for spacing cohorts of cases in time). */
  public static final int SPAN_DAYS = 24 + 366 + 31;

  private JourneyScript() {
  }

  public static void run(Driver d, String referrerReference, LocalDate referral) {
    d.at(referral);
    d.refer(Journey.referral(referrerReference, Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", referral));

    // 1 identification
    d.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    LocalDate t0 = referral.plusDays(1);
    d.at(t0);
    d.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate", t0.toString());

    // 2-3 contact person, offer, decision
    d.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    d.complete("Task_InformAboutOffer", "informedOn", t0.toString(), "interpreterUsed", true, "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
    d.complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");

    // 4 return preparation, in parallel
    d.at(referral.plusDays(8));
    LocalDate flight = referral.plusDays(23);
    d.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"), "documentsValidUntil",
        flight.plusYears(1).toString(), "accompanyingChildren", 0);
    d.complete("Task_ContributeToRiskAssessment", "familyInvolvementRisk", "LOW", "fitnessToTravel", "FIT");
    d.complete("Task_AssessReturnSafety", "reTraffickingRisk", "LOW", "retaliationRisk", "LOW",
        "cmmContributionConsidered", true);
    d.complete("Task_BookFlight", "plannedDepartureDate", flight.toString(), "flightNumber", "SK 1234");
    d.complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\",\"ARRIVAL\"]"));
    d.complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED");
    d.complete("Task_MeetBeforeDeparture", "partnerMeetingDate", referral.plusDays(7).toString(), "partnerMeetingForm",
        "VIDEO", "planDiscussed", true);
    d.complete("Task_PrepareReintegrationPlan", "planAreas", Journey.json("[\"BUSINESS\",\"EDUCATION\"]"),
        "childSupport", true, "childrenInPlan", 1, "childBudgetDkk", 5000, "planBudgetDkk", 30000, "monthlyCashDkk", 1500);
    d.complete("Task_PreparePersonForDeparture", "preparation", Journey.json("[\"COUNSELLING\",\"HEALTH\"]"));

    // 5 travel and reception
    d.at(flight);
    d.complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate", flight.toString());
    LocalDate arrival = flight.plusDays(1);
    d.at(arrival);
    d.complete("Task_ConfirmArrival", "arrivalDate", arrival.toString(), "accommodation", "FAMILY");

    // 6 twelve months of support
    for (int month = 1; month <= 12; month++) {
      LocalDate monthStart = arrival.plusMonths(month - 1);
      d.at(monthStart);
      if (month == 1) {
        d.complete("Task_RefineReintegrationPlan", "planAgreedOn", monthStart.toString(), "refinedPlanAreas",
            Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
            "socialSituation", "3", "psychosocialSituation", "2");
      }
      if (month <= 6) {
        d.complete("Task_PayCashSupport", "cashAmount", 1500, "childSupportAmount", 300, "paidOn",
            monthStart.toString());
      } else {
        // each claim names its receipt, uploaded by the partner first
        String[] receipts = {d.uploadReceipt(), d.uploadReceipt()};
        d.complete("Task_SubmitReimbursementClaims", "claims", claims(false, receipts));
        d.complete("Task_ReviewReimbursementClaims", "claims", claims(true, receipts));
      }
      if (month == 3 || month == 6 || month == 9) {
        d.complete("Task_SubmitProgressReport", "economicSituation", "3", "socialSituation", "4",
            "psychosocialSituation", "3", "planProgress", "ON_TRACK");
      }
    }
    d.at(arrival.plusMonths(12));
    d.complete("Task_SubmitFinalReport", "economicSituation", "4", "socialSituation", "4", "psychosocialSituation",
        "4", "programmeResult", "SUSTAINABLE");
    d.complete("Task_EvaluateAndCloseCase", "evaluation", "SUCCESSFUL", "finalPaymentsSettled", true);
  }

  /** Two reimbursement claims as the partner submits them, or as DRC decided them (one approved, one rejected). */
  private static Object claims(boolean decided, String[] receipts) {
    String business = "{\"category\":\"BUSINESS\",\"amount\":2000,\"receiptReference\":\"R-0\","
        + "\"receiptDocument\":\"" + receipts[0] + "\"" + (decided ? ",\"decision\":\"APPROVED\"" : "") + "}";
    String school = "{\"category\":\"CHILD_SCHOOL_FEES\",\"amount\":450,\"receiptReference\":\"R-2\","
        + "\"receiptDocument\":\"" + receipts[1] + "\"" + (decided ? ",\"decision\":\"REJECTED\"" : "") + "}";
    return SpinValues.jsonValue("[" + business + "," + school + "]").create();
  }
}
