package dk.preparedreturn.process;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the models in {@code processes/} use: every {@code ${bean}} delegate and listener
 * expression and the date arithmetic {@code deadlines}. A model that needs a new bean needs code
 * anyway; add its name here with it ({@code ModelChecksTest} fails on a model naming a bean that is
 * not listed).
 */
@Configuration(proxyBeanMethods = false)
class ModelBeansConfiguration {

  @Bean
  ModelBeans processModelBeans() {
    return ModelBeans.of(
        // date arithmetic of timers and due dates
        "deadlines",
        // the case's phase and outcome, notifications, events
        "casePhase", "caseOutcome", "notify", "deliverCaseEvent",
        // identification and reflection period
        "validateScreening", "validateIdentificationDecision", "setDepartureDeadline", "contactPersonOptions",
        "validateContactPerson", "validateOfferDecision", "validateInformation",
        // routing to the partner of the country and region of return; a transfer between partners
        "routeToPartner", "validateHandOver", "transferPartner",
        // deadlines that move
        "validateExtensionDecision", "setNewDepartureDeadline", "moveDepartureDeadline", "validateEndOfSuspension",
        // return preparation and departure
        "validatePartnerGroup", "validateFlightBooking", "validateEscortDecision", "validateDeparture",
        "validateTravelDocuments", "validatePartnerMeeting", "validateReintegrationPlan", "departures",
        // the risk and safety assessment before the return; the minors' safeguards
        "recordReturnSafety", "recordNotSafeFollowUp", "minors", "validateChildSafeguards",
        // which law the period runs under (the case record)
        "periods",
        // reintegration
        "validateArrival", "validateArrivalFollowUp", "validatePlanRefinement", "startReintegration",
        "prefillCashSupport", "recordCashSupport", "validateReimbursementClaims",
        "recordClaimDecisions",
        // safeguarding after return: monitoring visit, tracing, the exit reason when tracing fails
        "validateMonitoringVisit", "validateTracingAttempt", "caseExit",
        // reintegration sustainability at month 12
        "recordFinalReport",
        // a case closed for lost contact reopened when the person is back in touch
        "reopenCase");
  }
}
