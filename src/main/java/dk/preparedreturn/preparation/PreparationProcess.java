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
