package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.DEPARTED;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Registrér det videre forløb" (CMM) after a return assessed as not safe: the case record keeps what
 * follows; the preparation ends without a departure (an asylum application suspends the return, else
 * the case is handed over or its restitution period ends). Only after a return assessed as not safe.
 */
@Component("recordNotSafeFollowUp")
class RecordNotSafeFollowUp implements TaskListener {

  private final FormInputs inputs;
  private final CaseService cases;

  RecordNotSafeFollowUp(FormInputs inputs, CaseService cases) {
    this.inputs = inputs;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    NotSafeFollowUp followUp = input.requireChoice(PreparationProcess.NOT_SAFE_FOLLOW_UP);
    String caseRef = CaseScope.requireCaseRef(task);
    if (!cases.require(caseRef).returnNotSafe()) {
      throw input.brokenRule(PreparationProcess.NOT_SAFE_FOLLOW_UP, "returnNotAssessedNotSafe");
    }
    cases.recordNotSafeFollowUp(caseRef, followUp.name());
    DEPARTED.set(task, false);
  }
}
