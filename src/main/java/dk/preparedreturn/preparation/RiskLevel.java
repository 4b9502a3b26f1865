package dk.preparedreturn.preparation;

/**
 * A risk rated in the risk and safety assessment before the return (forms ContributeToRiskAssessment
 * and AssessReturnSafety): re-trafficking, retaliation and debt bondage, the family's involvement.
 * Which ratings make the return not safe is decided in the decision table ReturnSafety.
 */
public enum RiskLevel {
  LOW, MEDIUM, HIGH
}
