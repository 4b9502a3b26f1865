package dk.preparedreturn.reintegration;

/** What a reimbursement claim is for (rows of forms SubmitReimbursementClaims and ReviewReimbursementClaims). */
public enum ClaimCategory {
  HOUSING, BUSINESS, EDUCATION, HEALTH, CHILD_SCHOOL_FEES, CHILD_UNIFORM, CHILD_PC
}
