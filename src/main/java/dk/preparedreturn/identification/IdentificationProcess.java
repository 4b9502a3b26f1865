package dk.preparedreturn.identification;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/phases/Identification.bpmn}. */
public final class IdentificationProcess {

  public static final String KEY = "Identification";

  public static final String TASK_SCREEN_REFERRAL = "Task_ScreenReferral";
  public static final String TASK_DECIDE_VICTIM_STATUS = "Task_DecideVictimStatus";
  public static final String END_NO_INDICATORS = "EndEvent_NoIndicators";
  public static final String END_NOT_IDENTIFIED = "EndEvent_NotIdentified";
  public static final String END_VICTIM_IDENTIFIED = "EndEvent_VictimIdentified";

  public static final Variable<ScreeningResult> SCREENING_RESULT =
      Variable.enumeration("screeningResult", ScreeningResult.class);
  /** The consent box of the screening: required when indicators were found (data goes on only with consent). */
  public static final Variable<Boolean> CONSENT_RECORDED = Variable.bool("consentRecorded");

  /** Why the identifying body did not identify the person: the case's exit reason (a list, never free text). */
  public static final Variable<NotIdentifiedReason> NOT_IDENTIFIED_REASON =
      Variable.enumeration("notIdentifiedReason", NotIdentifiedReason.class);

  private IdentificationProcess() {
  }
}
