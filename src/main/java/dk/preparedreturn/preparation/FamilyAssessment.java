package dk.preparedreturn.preparation;

/** The partner's assessment of the minor's family in the country of return (form AssessFamily, English). */
public enum FamilyAssessment {
  SUITABLE, SUITABLE_WITH_SUPPORT, NOT_SUITABLE, NOT_TRACED
}
