package dk.preparedreturn.journey;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.INITIAL_PERIOD_DAYS;
import static dk.preparedreturn.journey.CaseVariables.MAX_PERIOD_DAYS;
import static dk.preparedreturn.journey.CaseVariables.NEW_DEPARTURE_DEADLINE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fastsæt ny udrejsefrist": the suspension ended and the return resumes under a new departure
 * deadline set by Udlændingestyrelsen; it may again be extended by the same margin as the first
 * deadline (maximum minus initial period of the decision table CasePeriods).
 */
@Component("setNewDepartureDeadline")
class SetNewDepartureDeadline implements JavaDelegate {

  private final DeadlineChanges changes;

  SetNewDepartureDeadline(DeadlineChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = CASE_REF.require(execution);
    LocalDate deadline = DeadlineCalendar.date(NEW_DEPARTURE_DEADLINE.require(execution));
    int margin = MAX_PERIOD_DAYS.require(execution) - INITIAL_PERIOD_DAYS.require(execution);
    changes.moveDepartureDeadline(caseRef, deadline);
    changes.setMaxDeadline(caseRef, deadline.plusDays(margin));
  }
}
