package dk.preparedreturn.preparation;

/** The best-interest assessment of a minor (form AssessBestInterests, CMM); read by the decision table ReturnSafety. */
public enum BestInterestOutcome {
  RETURN_IN_BEST_INTERESTS, RETURN_NOT_IN_BEST_INTERESTS
}
