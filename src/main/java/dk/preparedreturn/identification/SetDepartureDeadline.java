package dk.preparedreturn.identification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;
import static dk.preparedreturn.process.CaseVariables.INITIAL_PERIOD_DAYS;
import static dk.preparedreturn.process.CaseVariables.MAX_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.MAX_PERIOD_DAYS;
import static dk.preparedreturn.process.CaseVariables.PERIOD_TYPE;

import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.journey.DeadlineCalendar;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fastsæt udrejsefrist": from the identification date T0 and the periods of the decision table
 * CasePeriods, the departure deadline (end of the reflection or restitution period) and the latest
 * deadline an extension may reach.
 */
@Component("setDepartureDeadline")
class SetDepartureDeadline implements JavaDelegate {

  private final CaseFileRepository cases;

  SetDepartureDeadline(CaseFileRepository cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate t0 = DeadlineCalendar.date(IDENTIFICATION_DATE.require(execution));
    LocalDate deadline = t0.plusDays(INITIAL_PERIOD_DAYS.require(execution));
    LocalDate max = t0.plusDays(MAX_PERIOD_DAYS.require(execution));
    DEPARTURE_DEADLINE.set(execution, deadline.toString());
    MAX_DEADLINE.set(execution, max.toString());
    cases.setIdentification(CaseScope.requireCaseRef(execution), t0, PERIOD_TYPE.require(execution), deadline, max);
  }
}
