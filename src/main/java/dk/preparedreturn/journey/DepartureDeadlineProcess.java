package dk.preparedreturn.journey;

import dk.preparedreturn.process.Variable;

/**
 * Backing of {@code processes/phases/DepartureDeadline.bpmn}: the departure deadline while the
 * return track runs, with the extension requests decided by Udlændingestyrelsen (a departure deadline
 * under Aliens Act § 33(14)) or by CMM (the restitution period of a lawful resident or an EU citizen).
 */
public final class DepartureDeadlineProcess {

  public static final String KEY = "DepartureDeadline";

  public static final String SUBPROCESS_DEADLINE_RUNS = "SubProcess_DeadlineRuns";
  public static final String TASK_DECIDE_ON_EXTENSION = "Task_DecideOnExtension";
  /** CMM decides an extension of a restitution period (lawful residents, EU citizens). */
  public static final String TASK_DECIDE_ON_RESTITUTION_EXTENSION = "Task_DecideOnRestitutionExtension";
  public static final String GATEWAY_RESTITUTION_PERIOD = "Gateway_RestitutionPeriod";
  /** Re-armed for every deadline: "Udrejsefristen løber" starts again when the deadline moves. */
  public static final String BOUNDARY_PREPARATION_WARNING = "BoundaryEvent_PreparationWarningDue";
  public static final String BOUNDARY_EXTENSION_REMINDER = "BoundaryEvent_ExtensionReminderDue";
  public static final String TIMER_DEADLINE_PASSED = "TimerEvent_DeadlinePassed";
  public static final String MESSAGE_EVENT_EXTENSION_REQUESTED = "MessageEvent_ExtensionRequested";
  public static final String END_DEADLINE_PASSED = "EndEvent_DeadlinePassed";
  public static final String GATEWAY_DEADLINE_OR_REQUEST = "Gateway_DeadlineOrRequest";
  public static final String END_DEADLINE_RAN_OUT = "EndEvent_DeadlineRanOut";
  public static final String SERVICE_MOVE_DEPARTURE_DEADLINE = "ServiceTask_MoveDepartureDeadline";
  public static final String END_DEADLINE_MOVED = "EndEvent_DeadlineMoved";
  public static final String GATEWAY_DEADLINE_ALREADY_PASSED = "Gateway_DeadlineAlreadyPassed";
  public static final String END_REFUSED_AFTER_DEADLINE = "EndEvent_RefusedAfterDeadline";
  public static final String SERVICE_WARN_ABOUT_LATE_PREPARATION = "ServiceTask_WarnAboutLatePreparation";
  public static final String END_PREPARATION_WARNING_SENT = "EndEvent_PreparationWarningSent";
  public static final String SERVICE_REMIND_CONTACT_PERSON = "ServiceTask_RemindContactPerson";
  public static final String END_CONTACT_PERSON_REMINDED = "EndEvent_ContactPersonReminded";

  /** Message (name) of an extension request; delivered by the case-event service. */
  public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";

  public static final Variable<ExtensionDecision> EXTENSION_DECISION =
      Variable.enumeration("extensionDecision", ExtensionDecision.class);
  /** The legal ground of a granted extension, kept in the case record (CaseFile.EXTENSION_GROUNDS). */
  public static final Variable<ExtensionGround> EXTENSION_GROUND =
      Variable.enumeration("extensionGround", ExtensionGround.class);

  private DepartureDeadlineProcess() {
  }
}
