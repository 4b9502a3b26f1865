package dk.preparedreturn.journey;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.MAX_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.NEW_DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.SUSPENSION_DATE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * "Fastsæt ny udrejsefrist": the suspension ended and the return resumes under a new departure
 * deadline set by Udlændingestyrelsen. The limit of the reflection period (120 days in total,
 * decision table CasePeriods) counts from T0, but the days of the suspension do not count: the
 * person was not under the departure deadline then (asylum seeker, or residence for the
 * investigation under § 9 c(5)). So the latest possible deadline moves by the days suspended, and
 * the days used before the suspension stay used.
 */
@Component("setNewDepartureDeadline")
class SetNewDepartureDeadline implements JavaDelegate {

  private final CaseService cases;
  private final DeadlineCalendar calendar;

  SetNewDepartureDeadline(CaseService cases, DeadlineCalendar calendar) {
    this.cases = cases;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = CaseScope.requireCaseRef(execution);
    LocalDate max = maxAfterSuspension(execution, calendar.today());
    cases.moveDepartureDeadline(caseRef, NEW_DEPARTURE_DEADLINE.require(execution));
    cases.moveLatestDeadline(caseRef, max);
  }

  /** The latest possible deadline when the return resumes on the given day. */
  static LocalDate maxAfterSuspension(VariableScope scope, LocalDate resumedOn) {
    LocalDate max = MAX_DEADLINE.require(scope);
    LocalDate suspendedOn = SUSPENSION_DATE.require(scope);
    return max.plusDays(Math.max(0, ChronoUnit.DAYS.between(suspendedOn, resumedOn)));
  }
}
