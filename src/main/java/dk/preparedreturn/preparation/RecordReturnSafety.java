package dk.preparedreturn.preparation;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Hjemrejse sikker?": the decision table ReturnSafety has rated the risk and safety assessment of
 * DRC and CMM; its answer goes into the case record (safe or not safe) before the gateway routes on it.
 */
@Component("recordReturnSafety")
class RecordReturnSafety implements ExecutionListener {

  private final CaseService cases;

  RecordReturnSafety(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    cases.recordReturnSafety(CaseScope.requireCaseRef(execution), PreparationProcess.RETURN_SAFE.require(execution));
  }
}
