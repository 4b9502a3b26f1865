package dk.preparedreturn.journey;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/PreparedReturn.bpmn}, the main process of a case. */
public final class PreparedReturnProcess {

  public static final String KEY = "PreparedReturn";

  public static final String CALL_IDENTIFICATION = "CallActivity_Identification";
  public static final String SUBPROCESS_RETURN_TRACK = "SubProcess_ReturnTrack";
  public static final String CALL_REFLECTION_PERIOD = "CallActivity_ReflectionPeriod";
  public static final String CALL_RETURN_PREPARATION = "CallActivity_ReturnPreparation";
  public static final String CALL_REINTEGRATION = "CallActivity_Reintegration";
  public static final String CALL_DEPARTURE_DEADLINE = "CallActivity_DepartureDeadline";
  public static final String TASK_RECORD_END_OF_SUSPENSION = "Task_RecordEndOfSuspension";
  /** "Udrejsefrist fastsat?": no, while the asylum case of an asylum seeker identified as a victim is pending. */
  public static final String GATEWAY_DEADLINE_SET = "Gateway_DeadlineSet";
  public static final String TASK_TAKE_OVER_AS_ORDINARY_RETURN = "Task_TakeOverAsOrdinaryReturn";
  public static final String TASK_CLOSE_CASE_AFTER_DROP_OUT = "Task_CloseCaseAfterDropOut";
  /** Escalation boundary: the departure deadline has passed (process DepartureDeadline ended). */
  public static final String BOUNDARY_DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
  public static final String BOUNDARY_RETURN_SUSPENDED = "BoundaryEvent_ReturnSuspended";
  public static final String BOUNDARY_LEFT_BEFORE_DEPARTURE = "BoundaryEvent_PersonLeftBeforeDeparture";
  public static final String BOUNDARY_LEFT_AFTER_DEPARTURE = "BoundaryEvent_PersonLeftAfterDeparture";
  public static final String SERVICE_NOTIFY_MANAGERS_OF_PASSED_DEADLINE = "ServiceTask_NotifyManagersOfPassedDeadline";
  public static final String SERVICE_NOTIFY_HAND_OVER = "ServiceTask_NotifyHandOver";
  public static final String BOUNDARY_LEFT_DURING_IDENTIFICATION = "BoundaryEvent_PersonLeftDuringIdentification";
  public static final String BOUNDARY_LEFT_DURING_SUSPENSION = "BoundaryEvent_PersonLeftDuringSuspension";
  public static final String END_LEFT_DURING_IDENTIFICATION = "EndEvent_LeftDuringIdentification";
  public static final String END_LEFT_DURING_SUSPENSION = "EndEvent_LeftDuringSuspension";
  public static final String END_AWAITING_DEPARTURE_CONFIRMATION = "EndEvent_AwaitingDepartureConfirmation";
  public static final String END_NOT_IDENTIFIED = "EndEvent_NotIdentified";
  public static final String BOUNDARY_NOT_ARRIVED = "BoundaryEvent_NotArrived";
  public static final String END_NOT_ARRIVED = "EndEvent_NotArrived";
  public static final String END_PROGRAMME_COMPLETED = "EndEvent_ProgrammeCompleted";
  public static final String END_DROPPED_OUT = "EndEvent_DroppedOut";
  public static final String END_HANDED_OVER = "EndEvent_HandedOver";
  public static final String END_CLOSED_WITHOUT_RETURN = "EndEvent_ClosedWithoutReturn";
  /** CMM ends the restitution period of a lawful resident or an EU citizen (no hand-over to Hjemrejsestyrelsen). */
  public static final String TASK_END_RESTITUTION_PERIOD = "Task_EndRestitutionPeriod";
  public static final String END_RESIDENCE_GRANTED = "EndEvent_ResidenceGranted";

  /** Messages (names) the process waits for; delivered by the case-event service. */
  public static final String MESSAGE_RETURN_SUSPENDED = "ReturnSuspended";
  public static final String MESSAGE_PERSON_LEFT_PROGRAMME = "PersonLeftProgramme";

  /** What happens when a restitution period ends without a prepared return (form EndRestitutionPeriod). */
  public static final Variable<RestitutionEndOutcome> RESTITUTION_END_OUTCOME =
      Variable.enumeration("restitutionEndOutcome", RestitutionEndOutcome.class);
  public static final Variable<SuspensionOutcome> SUSPENSION_OUTCOME =
      Variable.enumeration("suspensionOutcome", SuspensionOutcome.class);

  private PreparedReturnProcess() {
  }
}
