package dk.preparedreturn.preparation;

/** CMM's view of whether the person can travel (form ContributeToRiskAssessment; decision table ReturnSafety). */
public enum FitnessToTravel {
  FIT, FIT_WITH_SUPPORT, NOT_FIT
}
