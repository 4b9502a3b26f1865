package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.CHILD_SUPPORT;

import dk.preparedreturn.forms.FormInputs;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Udarbejd reintegrationsplan": the budget for children is part of the plan's total budget, so it
 * cannot be larger (the form checks each amount on its own; FormSchemaValidation on the server too).
 */
@Component("validateReintegrationPlan")
class ValidateReintegrationPlan implements TaskListener {

  private final FormInputs inputs;

  ValidateReintegrationPlan(FormInputs inputs) {
    this.inputs = inputs;
  }


  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(CHILD_SUPPORT.get(task))) {
      return;
    }
    BigDecimal total = new BigDecimal(String.valueOf(task.getVariable(PreparationProcess.PLAN_BUDGET)));
    BigDecimal children = new BigDecimal(String.valueOf(task.getVariable(PreparationProcess.CHILD_BUDGET)));
    if (children.compareTo(total) > 0) {
      throw inputs.of(task).brokenRule(PreparationProcess.CHILD_BUDGET, "childBudgetAboveTotal",
          total.stripTrailingZeros().toPlainString());
    }
  }
}
