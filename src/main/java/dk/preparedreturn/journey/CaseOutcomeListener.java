package dk.preparedreturn.journey;

import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.casefile.CaseOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Closes the case record with the outcome named by the end event's extension property {@code caseOutcome}. */
@Component("caseOutcome")
class CaseOutcomeListener implements ExecutionListener {

  static final String PROPERTY = "caseOutcome";

  private final CaseFileRepository cases;

  CaseOutcomeListener(CaseFileRepository cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseOutcome outcome = CaseOutcome.valueOf(ModelProperties.require(execution, PROPERTY));
    cases.close(CaseVariables.CASE_REF.require(execution), outcome, ClockUtil.getCurrentTime().toInstant());
  }
}
