package dk.preparedreturn.reintegration;

/** DRC's decision on one reimbursement claim (rows of form ReviewReimbursementClaims). */
public enum ClaimDecision {
  APPROVED, REJECTED
}
