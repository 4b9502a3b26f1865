package dk.preparedreturn.safeguarding;

/** CMM's assessment of the risk with DRC (form AssessRiskWithDrc). */
public enum CmmAssessment {
  MEASURES_SUFFICIENT, CMM_FOLLOWS_UP, RISK_REPORTED
}
