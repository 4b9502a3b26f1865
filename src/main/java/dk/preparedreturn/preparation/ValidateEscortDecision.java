package dk.preparedreturn.preparation;

import dk.preparedreturn.forms.FormInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Beslut om eskorte": escort needed or not. */
@Component("validateEscortDecision")
class ValidateEscortDecision implements TaskListener {

  private final FormInputs inputs;

  ValidateEscortDecision(FormInputs inputs) {
    this.inputs = inputs;
  }


  @Override
  public void notify(DelegateTask task) {
    inputs.of(task).requireChoice(PreparationProcess.ESCORT_DECISION);
  }
}
