package dk.preparedreturn.journey;

import dk.preparedreturn.process.DeadlineCalendar;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.MAX_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.NEW_DEPARTURE_DEADLINE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Træf afgørelse om forlængelse": granted or refused; a granted extension moves the deadline later
 * and not into the past (a request made before the deadline may be decided after it), but never
 * beyond the maximum (120 days from T0 by default, decision table CasePeriods), and names its legal
 * ground: cooperation on a prepared return or special reasons. The same rules for Udlændingestyrelsen's
 * decision on a departure deadline and CMM's on a restitution period (which is not a departure deadline:
 * hence its own label).
 */
@Component("validateExtensionDecision")
class ValidateExtensionDecision implements TaskListener {

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidateExtensionDecision(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    ExtensionDecision decision = input.requireChoice(DepartureDeadlineProcess.EXTENSION_DECISION);
    if (decision == ExtensionDecision.GRANTED) {
      input.requireChoice(DepartureDeadlineProcess.EXTENSION_GROUND);
      LocalDate dayAfterDeadline = DEPARTURE_DEADLINE.require(task).plusDays(1);
      LocalDate today = deadlines.today();
      input.requireDateBetween(NEW_DEPARTURE_DEADLINE,
          today.isAfter(dayAfterDeadline) ? today : dayAfterDeadline, MAX_DEADLINE.require(task));
    }
  }
}
