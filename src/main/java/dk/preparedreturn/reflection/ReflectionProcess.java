package dk.preparedreturn.reflection;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/phases/ReflectionPeriod.bpmn}. */
public final class ReflectionProcess {

  public static final String KEY = "ReflectionPeriod";

  public static final String TASK_ASSIGN_CONTACT_PERSON = "Task_AssignContactPerson";
  public static final String TASK_INFORM_ABOUT_OFFER = "Task_InformAboutOffer";
  public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
  public static final String TIMER_FOLLOW_UP = "TimerEvent_FollowUpDateReached";

  public static final Variable<java.time.LocalDate> FOLLOW_UP_DATE = Variable.date("followUpDate");
  public static final String CONTACT_PERSON_OPTIONS = "contactPersonOptions";

  /** The four points the person must have been told about ("Informér om forberedt hjemsendelse"), each required. */
  public static final Variable<Boolean> INFORMED_VOLUNTARY = Variable.bool("informedVoluntary");
  public static final Variable<Boolean> INFORMED_NO_POLICE_CONDITION = Variable.bool("informedNoPoliceCondition");
  public static final Variable<Boolean> INFORMED_SUPPORT = Variable.bool("informedSupport");
  public static final Variable<Boolean> INFORMED_DEADLINE = Variable.bool("informedDeadline");

  private ReflectionProcess() {
  }
}
