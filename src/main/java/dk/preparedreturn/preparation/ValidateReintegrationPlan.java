package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.CHILD_SUPPORT;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.ReintegrationPlan;
import dk.preparedreturn.forms.Amounts;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.process.CaseScope;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Udarbejd reintegrationsplan": the budget for children is part of the plan's total budget, so it
 * cannot be larger (the form checks each amount on its own; FormSchemaValidation on the server too,
 * and stores each as read, {@code 20000.00}). The plan's amounts, the monthly cash support among them,
 * go to the case record, where the partner's payment task finds the agreed amount.
 */
@Component("validateReintegrationPlan")
class ValidateReintegrationPlan implements TaskListener {

  private final FormInputs inputs;
  private final CaseService cases;

  ValidateReintegrationPlan(FormInputs inputs, CaseService cases) {
    this.inputs = inputs;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    BigDecimal total = amount(task, PreparationProcess.PLAN_BUDGET);
    BigDecimal children = null;
    if (Boolean.TRUE.equals(CHILD_SUPPORT.get(task))) {
      children = amount(task, PreparationProcess.CHILD_BUDGET);
      if (children.compareTo(total) > 0) {
        throw inputs.of(task).brokenRule(PreparationProcess.CHILD_BUDGET, "childBudgetAboveTotal",
            Amounts.format(total, Audience.DANISH));
      }
    }
    cases.recordPlan(CaseScope.requireCaseRef(task),
        new ReintegrationPlan(total, children, amount(task, PreparationProcess.MONTHLY_CASH)),
        task.getAssignee() == null ? "unknown" : task.getAssignee());
  }

  private static BigDecimal amount(DelegateTask task, String name) {
    return new BigDecimal(String.valueOf(task.getVariable(name)));
  }
}
