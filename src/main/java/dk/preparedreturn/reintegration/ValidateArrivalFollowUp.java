package dk.preparedreturn.reintegration;

import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DATE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Følg op på manglende ankomstbekræftelse" (DRC): the partner was reminded (its confirmation is
 * still awaited); the arrival is confirmed by other means, with the arrival date (R0, from the
 * departure to today), and the reintegration starts from it; or the person did not arrive: the partner
 * then tries to trace the person, and only when that fails is the exit reason recorded and the case
 * closed (TracePerson, {@code caseExit}).
 */
@Component("validateArrivalFollowUp")
class ValidateArrivalFollowUp implements TaskListener {

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidateArrivalFollowUp(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    ArrivalFollowUp result = input.requireChoice(ReintegrationProcess.ARRIVAL_FOLLOW_UP);
    if (result == ArrivalFollowUp.ARRIVAL_CONFIRMED) {
      input.requireDateBetween(ARRIVAL_DATE, DEPARTURE_DATE.require(task),
          deadlines.today());
    }
  }
}
