package dk.preparedreturn.preparation;

import dk.preparedreturn.process.Variable;
import java.util.Set;

/** Backing of {@code processes/phases/ReturnPreparation.bpmn}. */
public final class PreparationProcess {

  public static final String KEY = "ReturnPreparation";

  public static final String TASK_OBTAIN_TRAVEL_DOCUMENTS = "Task_ObtainTravelDocuments";
  public static final String TASK_BOOK_FLIGHT = "Task_BookFlight";
  public static final String TASK_ARRANGE_AIRPORT_ASSISTANCE = "Task_ArrangeAirportAssistance";
  public static final String TASK_DECIDE_ON_ESCORT = "Task_DecideOnEscort";
  public static final String TASK_ARRANGE_ESCORT = "Task_ArrangeEscort";
  public static final String TASK_PREPARE_PERSON = "Task_PreparePersonForDeparture";
  public static final String TASK_FIND_LOCAL_PARTNER = "Task_FindLocalPartner";
  public static final String TASK_MEET_BEFORE_DEPARTURE = "Task_MeetBeforeDeparture";
  public static final String TASK_PREPARE_REINTEGRATION_PLAN = "Task_PrepareReintegrationPlan";
  public static final String TASK_CONFIRM_DEPARTURE = "Task_ConfirmDeparture";
  public static final String BOUNDARY_PARTNER_SEARCH_SLOW = "BoundaryEvent_PartnerSearchSlow";
  public static final String TASK_CONTRIBUTE_TO_RISK_ASSESSMENT = "Task_ContributeToRiskAssessment";
  public static final String TASK_ASSESS_RETURN_SAFETY = "Task_AssessReturnSafety";
  public static final String TASK_RECORD_NOT_SAFE_FOLLOW_UP = "Task_RecordNotSafeFollowUp";
  public static final String CALL_CHILD_SAFEGUARDS = "CallActivity_ChildSafeguards";
  public static final String END_RETURN_NOT_SAFE = "EndEvent_ReturnNotSafe";

  // the risk and safety assessment before the flight is booked (DRC with CMM; decision table ReturnSafety)
  public static final Variable<RiskLevel> RE_TRAFFICKING_RISK = Variable.enumeration("reTraffickingRisk", RiskLevel.class);
  public static final Variable<RiskLevel> RETALIATION_RISK = Variable.enumeration("retaliationRisk", RiskLevel.class);
  public static final Variable<RiskLevel> FAMILY_INVOLVEMENT_RISK =
      Variable.enumeration("familyInvolvementRisk", RiskLevel.class);
  public static final Variable<FitnessToTravel> FITNESS_TO_TRAVEL =
      Variable.enumeration("fitnessToTravel", FitnessToTravel.class);
  /** The decision table's answer: may the flight be booked? */
  public static final Variable<Boolean> RETURN_SAFE = Variable.bool("returnSafe");
  public static final Variable<NotSafeFollowUp> NOT_SAFE_FOLLOW_UP =
      Variable.enumeration("notSafeFollowUp", NotSafeFollowUp.class);

  // accompanying children: a count, never a child's name
  public static final Variable<Integer> ACCOMPANYING_CHILDREN = Variable.integer("accompanyingChildren");
  public static final Variable<Boolean> CHILDREN_DOCUMENTS_OBTAINED = Variable.bool("childrenDocumentsObtained");
  public static final Variable<Boolean> CHILDREN_TICKETS_BOOKED = Variable.bool("childrenTicketsBooked");

  public static final Variable<EscortDecision> ESCORT_DECISION =
      Variable.enumeration("escortDecision", EscortDecision.class);
  public static final Variable<Boolean> PARTNER_AGREEMENT = Variable.bool("partnerAgreement");
  public static final Variable<DepartureOutcome> DEPARTURE_OUTCOME =
      Variable.enumeration("departureOutcome", DepartureOutcome.class);
  public static final Variable<java.time.LocalDate> DOCUMENTS_VALID_UNTIL = Variable.date("documentsValidUntil");
  public static final Variable<java.time.LocalDate> PARTNER_MEETING_DATE = Variable.date("partnerMeetingDate");
  public static final String PLAN_BUDGET = "planBudgetDkk";
  public static final String CHILD_BUDGET = "childBudgetDkk";
  public static final String MONTHLY_CASH = "monthlyCashDkk";
  public static final Variable<Set<AirportAssistance>> AIRPORT_ASSISTANCE =
      Variable.enumSet("airportAssistance", AirportAssistance.class);
  public static final Variable<Set<TravelDocument>> TRAVEL_DOCUMENTS =
      Variable.enumSet("travelDocuments", TravelDocument.class);
  public static final Variable<Set<PreparationItem>> PREPARATION = Variable.enumSet("preparation", PreparationItem.class);
  public static final Variable<Set<PlanArea>> PLAN_AREAS = Variable.enumSet("planAreas", PlanArea.class);
  public static final Variable<Set<PlanArea>> REFINED_PLAN_AREAS = Variable.enumSet("refinedPlanAreas", PlanArea.class);
  public static final Variable<MeetingForm> PARTNER_MEETING_FORM =
      Variable.enumeration("partnerMeetingForm", MeetingForm.class);

  private PreparationProcess() {
  }
}
