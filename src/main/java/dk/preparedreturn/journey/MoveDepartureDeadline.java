package dk.preparedreturn.journey;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.NEW_DEPARTURE_DEADLINE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Flyt udrejsefristen": an extension was granted; the deadline and everything that hangs on it moves,
 * and the case record keeps the extension's legal ground.
 */
@Component("moveDepartureDeadline")
class MoveDepartureDeadline implements JavaDelegate {

  private final CaseService cases;

  MoveDepartureDeadline(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.grantExtension(CaseScope.requireCaseRef(execution), NEW_DEPARTURE_DEADLINE.require(execution),
        DepartureDeadlineProcess.EXTENSION_GROUND.require(execution).name());
  }
}
