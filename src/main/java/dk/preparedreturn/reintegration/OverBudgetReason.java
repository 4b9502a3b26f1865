package dk.preparedreturn.reintegration;

/**
 * Why DRC approves reimbursement claims beyond the remaining budget of the reintegration plan (or of its
 * children's share), form ReviewReimbursementClaims; kept with each claim approved beyond it.
 */
public enum OverBudgetReason {
  PLAN_REVISED, DOCUMENTED_NEED, PRICE_INCREASE
}
