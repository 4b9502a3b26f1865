package dk.preparedreturn.reflection;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.OFFER_DECISION;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.OfferDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Registrér personens beslutning": accepted, declined or not decided yet; when not decided, a
 * follow-up date after today and not after the departure deadline. The decision goes to the case
 * record (take-up of the offer is a managers' figure).
 */
@Component("validateOfferDecision")
class ValidateOfferDecision implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateOfferDecision(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    OfferDecision decision = input.requireChoice(OFFER_DECISION);
    if (decision == OfferDecision.UNDECIDED) {
      input.requireDateBetween(ReflectionProcess.FOLLOW_UP_DATE, deadlines.today().plusDays(1),
          DEPARTURE_DEADLINE.require(task));
    }
    cases.recordOfferDecision(CaseScope.requireCaseRef(task), decision.name());
  }
}
