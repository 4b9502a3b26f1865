package dk.preparedreturn.journey;

import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.ModelProperties;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CasePhase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records in the case record that the case entered the phase named by the element's extension
 * property {@code casePhase} (the source of "cases per phase" and "days per phase").
 */
@Component("casePhase")
class CasePhaseListener implements ExecutionListener {

  static final String PROPERTY = "casePhase";

  private final CaseService cases;

  CasePhaseListener(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CasePhase phase = CasePhase.valueOf(ModelProperties.require(execution, PROPERTY));
    cases.enterPhase(CaseScope.requireCaseRef(execution), phase);
  }
}
