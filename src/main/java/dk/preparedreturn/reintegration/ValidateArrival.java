package dk.preparedreturn.reintegration;

import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DATE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Confirm arrival and reception": the arrival date (R0) lies between the departure and today. */
@Component("validateArrival")
class ValidateArrival implements TaskListener {

  private final DeadlineCalendar deadlines;

  ValidateArrival(DeadlineCalendar deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput.english(task).requireDateBetween(ARRIVAL_DATE, "Date of arrival", DEPARTURE_DATE.require(task),
        deadlines.today());
  }
}
