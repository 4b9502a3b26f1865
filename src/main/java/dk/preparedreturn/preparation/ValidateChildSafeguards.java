package dk.preparedreturn.preparation;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The minors' steps with a date (ChildSafeguards): the representative was appointed, the partner
 * visited the family, on a day not in the future. Whichever of the two the task's form holds.
 */
@Component("validateChildSafeguards")
class ValidateChildSafeguards implements TaskListener {

  private final FormInputs inputs;
  private final DeadlineCalendar deadlines;

  ValidateChildSafeguards(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    if (ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE.equals(task.getTaskDefinitionKey())) {
      input.requireDateBetween(ChildSafeguardsProcess.REPRESENTATIVE_APPOINTED_ON, null, deadlines.today());
    } else {
      input.requireDateBetween(ChildSafeguardsProcess.FAMILY_VISIT_DATE, null, deadlines.today());
    }
  }
}
