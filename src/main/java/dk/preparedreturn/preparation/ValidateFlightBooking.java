package dk.preparedreturn.preparation;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.PLANNED_DEPARTURE_DATE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Book fly": the flight leaves from today on and no later than the departure deadline, and before
 * the travel documents expire (they must be valid beyond the departure); each accompanying child
 * (their number in the case record) has a ticket too.
 */
@Component("validateFlightBooking")
class ValidateFlightBooking implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateFlightBooking(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    var date = input.requireDateBetween(PLANNED_DEPARTURE_DATE, deadlines.today(),
        DEPARTURE_DEADLINE.require(task));
    LocalDate documents = PreparationProcess.DOCUMENTS_VALID_UNTIL.get(task);
    if (documents != null && !date.isBefore(documents)) {
      throw input.brokenRule(PLANNED_DEPARTURE_DATE, "flightAfterDocuments", documents.minusDays(1), documents);
    }
    String caseRef = CaseScope.requireCaseRef(task);
    Integer children = cases.require(caseRef).accompanyingChildren();
    if (children != null && children > 0) {
      input.requireTicked(PreparationProcess.CHILDREN_TICKETS_BOOKED);
    }
    cases.bookFlight(caseRef, date);
  }
}
