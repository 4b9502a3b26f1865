package dk.preparedreturn.journey;

import dk.preparedreturn.process.DeadlineCalendar;
import static dk.preparedreturn.process.CaseVariables.NEW_DEPARTURE_DEADLINE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Registrér afslutning på suspension": the asylum case or investigation ended either with a right
 * to stay, or with the return resuming under a new departure deadline: after today and within the
 * days left of the reflection period (see {@link SetNewDepartureDeadline}).
 */
@Component("validateEndOfSuspension")
class ValidateEndOfSuspension implements TaskListener {

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidateEndOfSuspension(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    SuspensionOutcome outcome = input.requireChoice(PreparedReturnProcess.SUSPENSION_OUTCOME);
    if (outcome == SuspensionOutcome.RETURN_RESUMES) {
      LocalDate today = deadlines.today();
      input.requireDateBetween(NEW_DEPARTURE_DEADLINE, today.plusDays(1),
          SetNewDepartureDeadline.maxAfterSuspension(task, today));
    }
  }
}
