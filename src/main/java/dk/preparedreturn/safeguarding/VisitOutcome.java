package dk.preparedreturn.safeguarding;

/** The outcome of the partner's monitoring visit (form CarryOutMonitoringVisit). */
public enum VisitOutcome {
  SAFE, STILL_AT_RISK
}
