package dk.preparedreturn.reintegration;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;

import dk.preparedreturn.casefile.CaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start reintegrationsperioden": R0 (confirmed by the partner or by DRC) goes to the case record; the reintegration period runs from it. */
@Component("startReintegration")
class StartReintegration implements JavaDelegate {

  private final CaseService cases;

  StartReintegration(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.confirmArrival(CaseScope.requireCaseRef(execution), ARRIVAL_DATE.require(execution));
  }
}
