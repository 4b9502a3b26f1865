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

  public static final Variable<String> SCREENING_RESULT = Variable.string("screeningResult");
  public static final String INDICATORS_FOUND = "INDICATORS_FOUND";
  /** Also the case's exit reason when the screening found no indicators. */
  public static final String NO_INDICATORS = "NO_INDICATORS";
  /** The person does not consent to the data going on to the identifying body: the case ends. */
  public static final String NO_CONSENT = "NO_CONSENT";
  public static final dk.preparedreturn.process.Variable<Boolean> CONSENT_RECORDED =
      dk.preparedreturn.process.Variable.bool("consentRecorded");

  /** Why the identifying body did not identify the person: the case's exit reason (a list, never free text). */
  public static final Variable<String> NOT_IDENTIFIED_REASON = Variable.string("notIdentifiedReason");
  public static final String[] NOT_IDENTIFIED_REASONS = {"TRAFFICKING_NOT_ESTABLISHED", "INSUFFICIENT_INFORMATION",
      "PERSON_DECLINED_ASSESSMENT", "PERSON_UNAVAILABLE"};

  private IdentificationProcess() {
  }
}
