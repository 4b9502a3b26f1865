package dk.preparedreturn.preparation;

/** The areas of a reintegration plan (forms PrepareReintegrationPlan and RefineReintegrationPlan). */
public enum PlanArea {
  BUSINESS, EDUCATION, HOUSING, HEALTH
}
