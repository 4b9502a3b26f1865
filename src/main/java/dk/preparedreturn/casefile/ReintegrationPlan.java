package dk.preparedreturn.casefile;

import java.math.BigDecimal;

/**
 * The amounts a case's reintegration plan fixes, in DKK: the total budget, the part for children (null
 * when the plan has none) and the cash support the partner pays each month.
 */
public record ReintegrationPlan(BigDecimal budget, BigDecimal childBudget, BigDecimal monthlyCash) {
}
