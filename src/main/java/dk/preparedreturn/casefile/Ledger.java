package dk.preparedreturn.casefile;

import java.math.BigDecimal;

/**
 * A case's budget ledger in DKK, computed from the reintegration plan (case_plan) and the payments and
 * claim decisions of its support months (case_payment): what the plan fixes, what was paid in cash,
 * what was claimed and how DRC decided. The remaining budget is the budget less the cash paid and the
 * claims approved (negative when DRC approved beyond the budget, with a reason); the children's share
 * likewise, less the child support paid in cash and the children's claims approved. The child figures
 * are null when the plan has no budget for children.
 */
public record Ledger(BigDecimal budget, BigDecimal childBudget, BigDecimal cashPaid, BigDecimal claimed,
    BigDecimal approved, BigDecimal rejected, BigDecimal childSpent) {

  /** The categories of the children's share: the monthly child support and the CHILD_ claims. */
  public static boolean childCategory(String category) {
    return category != null && category.startsWith("CHILD_");
  }

  public BigDecimal remaining() {
    return budget.subtract(cashPaid).subtract(approved);
  }

  /** What is left of the children's share; null when the plan has none. */
  public BigDecimal childRemaining() {
    return childBudget == null ? null : childBudget.subtract(childSpent);
  }
}
