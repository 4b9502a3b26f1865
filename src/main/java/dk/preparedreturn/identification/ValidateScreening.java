package dk.preparedreturn.identification;

import dk.preparedreturn.forms.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Gennemfør screening": the result must be one of the two answers. */
@Component("validateScreening")
class ValidateScreening implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput.danish(task).requireOneOf(IdentificationProcess.SCREENING_RESULT, "Resultat af screeningen",
        IdentificationProcess.INDICATORS_FOUND, IdentificationProcess.NO_INDICATORS);
  }
}
