package dk.preparedreturn.reintegration;

import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DATE;

import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Confirm arrival and reception": the arrival date (R0) lies between the departure and today. */
@Component("validateArrival")
class ValidateArrival implements TaskListener {

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidateArrival(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    inputs.of(task).requireDateBetween(ARRIVAL_DATE, DEPARTURE_DATE.require(task),
        deadlines.today());
  }
}
