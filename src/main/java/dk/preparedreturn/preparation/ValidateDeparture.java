package dk.preparedreturn.preparation;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTED;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DATE;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Bekræft udrejse": the person left (on a date from T0 to today, and not after the departure
 * deadline: a departure on the last day confirmed the next morning counts), and the reintegration
 * follows; or, only once the deadline has passed, the person did not leave and the case is handed
 * over (while the deadline runs, a missed flight is rebooked instead).
 */
@Component("validateDeparture")
class ValidateDeparture implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateDeparture(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    DepartureOutcome outcome = input.requireChoice(PreparationProcess.DEPARTURE_OUTCOME);
    LocalDate deadline = DEPARTURE_DEADLINE.require(task);
    if (outcome == DepartureOutcome.NOT_DEPARTED) {
      if (!deadlines.passed(deadline)) {
        throw input.brokenRule(PreparationProcess.DEPARTURE_OUTCOME, "notDepartedBeforeDeadline", deadline);
      }
      DEPARTED.set(task, false);
      return;
    }
    LocalDate today = deadlines.today();
    var date = input.requireDateBetween(DEPARTURE_DATE,
        IDENTIFICATION_DATE.require(task), today.isBefore(deadline) ? today : deadline);
    DEPARTED.set(task, true);
    cases.confirmDeparture(CaseScope.requireCaseRef(task), date);
  }
}
