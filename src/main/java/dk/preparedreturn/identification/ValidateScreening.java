package dk.preparedreturn.identification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Gennemfør screening": the result must be one of the two answers; no indicators ends the case,
 * with NO_INDICATORS as the reason in the case record.
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
    ScreeningResult result = inputs.of(task).requireChoice(IdentificationProcess.SCREENING_RESULT);
    if (result == ScreeningResult.NO_INDICATORS) {
      cases.recordExit(CaseScope.requireCaseRef(task), ScreeningResult.NO_INDICATORS.name());
    }
  }
}
