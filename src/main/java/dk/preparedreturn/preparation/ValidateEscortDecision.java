package dk.preparedreturn.preparation;

import dk.preparedreturn.forms.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Beslut om eskorte": escort needed or not. */
@Component("validateEscortDecision")
class ValidateEscortDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput.danish(task).requireChoice(PreparationProcess.ESCORT_DECISION, "Eskorte");
  }
}
