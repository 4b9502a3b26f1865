package dk.preparedreturn.reintegration;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DATE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Følg op på manglende ankomstbekræftelse" (DRC): the partner was reminded (its confirmation is
 * still awaited); the arrival is confirmed by other means, with the arrival date (R0, from the
 * departure to today), and the reintegration starts from it; or the person did not arrive, which
 * closes the case as a drop-out with that reason.
 */
@Component("validateArrivalFollowUp")
class ValidateArrivalFollowUp implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateArrivalFollowUp(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    ArrivalFollowUp result = input.requireChoice(ReintegrationProcess.ARRIVAL_FOLLOW_UP);
    if (result == ArrivalFollowUp.ARRIVAL_CONFIRMED) {
      input.requireDateBetween(ARRIVAL_DATE, DEPARTURE_DATE.require(task),
          deadlines.today());
    } else if (result == ArrivalFollowUp.NOT_ARRIVED) {
      cases.recordExit(CaseScope.requireCaseRef(task), ArrivalFollowUp.NOT_ARRIVED.name());
    }
  }
}
