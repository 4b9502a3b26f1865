package dk.preparedreturn.preparation;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.PLANNED_DEPARTURE_DATE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.process.DeadlineCalendar;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Book fly": the flight leaves from today on and no later than the departure deadline, and before
 * the travel documents expire (they must be valid beyond the departure).
 */
@Component("validateFlightBooking")
class ValidateFlightBooking implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  ValidateFlightBooking(DeadlineCalendar deadlines, CaseService cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = FormInput.danish(task);
    var date = input.requireDateBetween(PLANNED_DEPARTURE_DATE, "Planlagt udrejsedato", deadlines.today(),
        DEPARTURE_DEADLINE.require(task));
    LocalDate documents = PreparationProcess.DOCUMENTS_VALID_UNTIL.get(task);
    if (documents != null && !date.isBefore(documents)) {
      throw input.invalid(PLANNED_DEPARTURE_DATE, "Planlagt udrejsedato", "må ikke ligge efter "
          + documents.minusDays(1) + " (rejsedokumenterne er gyldige til " + documents + ")",
          "must be before the travel documents expire (" + documents + ")");
    }
    cases.bookFlight(CaseScope.requireCaseRef(task), date);
  }
}
