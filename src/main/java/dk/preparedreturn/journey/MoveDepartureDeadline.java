package dk.preparedreturn.journey;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.NEW_DEPARTURE_DEADLINE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Flyt udrejsefristen": an extension was granted; the deadline and everything that hangs on it moves. */
@Component("moveDepartureDeadline")
class MoveDepartureDeadline implements JavaDelegate {

  private final DeadlineChanges changes;

  MoveDepartureDeadline(DeadlineChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.moveDepartureDeadline(CaseScope.requireCaseRef(execution),
        DeadlineCalendar.date(NEW_DEPARTURE_DEADLINE.require(execution)));
  }
}
