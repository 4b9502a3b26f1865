package dk.preparedreturn.reintegration;

/** The partner's rating of progress on the plan (form SubmitProgressReport). */
public enum PlanProgress {
  ON_TRACK, DELAYED, AT_RISK
}
