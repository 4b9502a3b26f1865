package dk.preparedreturn.identification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_OUTCOME;
import static dk.preparedreturn.process.CaseVariables.REFERRAL_DATE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.IdentificationOutcome;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Træf afgørelse om offerstatus": identified or not; an identification needs its decision date
 * (T0, from which the reflection or restitution period runs), not before the referral and not in
 * the future; a decision not to identify needs its reason from the list, which the case record
 * keeps as the reason the case ended.
 */
@Component("validateIdentificationDecision")
class ValidateIdentificationDecision implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateIdentificationDecision(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    IdentificationOutcome outcome = input.requireChoice(IDENTIFICATION_OUTCOME);
    if (outcome == IdentificationOutcome.IDENTIFIED) {
      input.requireDateBetween(IDENTIFICATION_DATE, REFERRAL_DATE.require(task),
          deadlines.today());
    } else {
      NotIdentifiedReason reason = input.requireChoice(IdentificationProcess.NOT_IDENTIFIED_REASON);
      cases.recordExit(CaseScope.requireCaseRef(task), reason.name());
    }
  }
}
