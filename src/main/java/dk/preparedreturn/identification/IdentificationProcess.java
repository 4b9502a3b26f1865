package dk.preparedreturn.identification;

import dk.preparedreturn.journey.Variable;

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
  public static final String NO_INDICATORS = "NO_INDICATORS";

  private IdentificationProcess() {
  }
}
