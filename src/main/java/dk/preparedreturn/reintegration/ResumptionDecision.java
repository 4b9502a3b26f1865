package dk.preparedreturn.reintegration;

/** DRC's decision when a person gets back in touch after the case closed (form DecideOnResumption). */
public enum ResumptionDecision {
  RESUME, NOT_RESUMED
}
