package dk.preparedreturn.journey;

import static dk.preparedreturn.journey.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.journey.CaseVariables.MAX_DEADLINE;
import static dk.preparedreturn.journey.CaseVariables.NEW_DEPARTURE_DEADLINE;

import dk.preparedreturn.forms.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Træf afgørelse om forlængelse": granted or refused; a granted extension moves the deadline later
 * but never beyond the maximum (120 days from T0 by default, decision table CasePeriods).
 */
@Component("validateExtensionDecision")
class ValidateExtensionDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormInput input = FormInput.danish(task);
    String decision = input.requireOneOf(PreparedReturnProcess.EXTENSION_DECISION, "Afgørelse", PreparedReturnProcess.GRANTED,
        PreparedReturnProcess.REFUSED);
    if (PreparedReturnProcess.GRANTED.equals(decision)) {
      input.requireDateBetween(NEW_DEPARTURE_DEADLINE, "Ny udrejsefrist",
          DeadlineCalendar.date(DEPARTURE_DEADLINE.require(task)).plusDays(1),
          DeadlineCalendar.date(MAX_DEADLINE.require(task)));
    }
  }
}
