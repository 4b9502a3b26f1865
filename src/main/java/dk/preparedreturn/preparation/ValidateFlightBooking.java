package dk.preparedreturn.preparation;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.journey.CaseVariables.PLANNED_DEPARTURE_DATE;

import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.journey.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Book fly": the flight leaves from today on and no later than the departure deadline. */
@Component("validateFlightBooking")
class ValidateFlightBooking implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseFileRepository cases;

  ValidateFlightBooking(DeadlineCalendar deadlines, CaseFileRepository cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    var date = FormInput.danish(task).requireDateBetween(PLANNED_DEPARTURE_DATE, "Planlagt udrejsedato", deadlines.today(),
        DeadlineCalendar.date(DEPARTURE_DEADLINE.require(task)));
    cases.setPlannedDeparture(CASE_REF.require(task), date);
  }
}
