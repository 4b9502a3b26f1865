package dk.preparedreturn.identification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;
import static dk.preparedreturn.process.CaseVariables.INITIAL_PERIOD_DAYS;
import static dk.preparedreturn.process.CaseVariables.MAX_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.MAX_PERIOD_DAYS;
import static dk.preparedreturn.process.CaseVariables.PERIOD_TYPE;
import static dk.preparedreturn.process.CaseVariables.STARTS_SUSPENDED;

import dk.preparedreturn.casefile.CaseService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fastsæt udrejsefrist": from the identification date T0 and the periods of the decision table
 * CasePeriods, the departure deadline (end of the reflection or restitution period) and the latest
 * deadline an extension may reach. An asylum seeker (IdentifyingBody: {@code startsSuspended}) gets
 * no deadline while the asylum case is pending, only the latest one: the case starts suspended from
 * T0, and the deadline is set when the asylum case ends in a refusal ("Registrér afslutning på
 * suspension").
 */
@Component("setDepartureDeadline")
class SetDepartureDeadline implements JavaDelegate {

  private final CaseService cases;

  SetDepartureDeadline(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate t0 = IDENTIFICATION_DATE.require(execution);
    LocalDate max = t0.plusDays(MAX_PERIOD_DAYS.require(execution));
    if (Boolean.TRUE.equals(STARTS_SUSPENDED.get(execution))) {
      cases.identifyDuringAsylumCase(CaseScope.requireCaseRef(execution), t0, PERIOD_TYPE.require(execution), max);
      return;
    }
    LocalDate deadline = t0.plusDays(INITIAL_PERIOD_DAYS.require(execution));
    cases.identify(CaseScope.requireCaseRef(execution), t0, PERIOD_TYPE.require(execution), deadline, max);
  }
}
