package dk.preparedreturn.identification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Gennemfør screening": the result must be one of the answers; no indicators ends the case, with
 * NO_INDICATORS as the reason in the case record, and so does the person's refusal to let the data go
 * on to the identifying body (NO_CONSENT: screening interviews are anonymous, data passes only with
 * consent). Indicators found need the consent box ticked.
 */
@Component("validateScreening")
class ValidateScreening implements TaskListener {

  private final CaseService cases;

  private final FormInputs inputs;

  ValidateScreening(FormInputs inputs, CaseService cases) {
    this.inputs = inputs;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    ScreeningResult result = input.requireChoice(IdentificationProcess.SCREENING_RESULT);
    if (result == ScreeningResult.INDICATORS_FOUND) {
      input.requireTicked(IdentificationProcess.CONSENT_RECORDED);
    } else {
      cases.recordExit(CaseScope.requireCaseRef(task), result.name());
    }
  }
}
