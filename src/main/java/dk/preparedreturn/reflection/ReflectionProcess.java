package dk.preparedreturn.reflection;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/phases/ReflectionPeriod.bpmn}. */
public final class ReflectionProcess {

  public static final String KEY = "ReflectionPeriod";

  public static final String TASK_ASSIGN_CONTACT_PERSON = "Task_AssignContactPerson";
  public static final String TASK_INFORM_ABOUT_OFFER = "Task_InformAboutOffer";
  public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
  /** After a decline: the person may still accept until the deadline. */
  public static final String TASK_RECONSIDER_DECLINE = "Task_ReconsiderDecline";
  public static final String TIMER_FOLLOW_UP = "TimerEvent_FollowUpDateReached";

  public static final Variable<java.time.LocalDate> FOLLOW_UP_DATE = Variable.date("followUpDate");
  public static final String CONTACT_PERSON_OPTIONS = "contactPersonOptions";

  /** The four points the person must have been told about ("Informér om forberedt hjemsendelse"), each required. */
  public static final Variable<Boolean> INFORMED_VOLUNTARY = Variable.bool("informedVoluntary");
  public static final Variable<Boolean> INFORMED_NO_POLICE_CONDITION = Variable.bool("informedNoPoliceCondition");
  public static final Variable<Boolean> INFORMED_SUPPORT = Variable.bool("informedSupport");
  public static final Variable<Boolean> INFORMED_DEADLINE = Variable.bool("informedDeadline");
  /** Informed consent to the offer (form checkbox). */
  public static final Variable<Boolean> OFFER_CONSENT = Variable.bool("offerConsent");
  /** Consent to sharing data with DRC and the partner abroad, a transfer to a third country (form checkbox). */
  public static final Variable<Boolean> DATA_SHARING_CONSENT = Variable.bool("dataSharingConsent");
  /** "Registrér, hvis personen ændrer sin beslutning": the only answer is an acceptance. */
  public static final Variable<ChangedDecision> CHANGED_DECISION =
      Variable.enumeration("changedDecision", ChangedDecision.class);

  private ReflectionProcess() {
  }
}
