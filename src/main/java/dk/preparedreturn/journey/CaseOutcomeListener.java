package dk.preparedreturn.journey;

import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.ModelProperties;
import dk.preparedreturn.casefile.CaseClosed;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CaseOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Closes the case record with the outcome named by the end event's extension property {@code caseOutcome}. */
@Component("caseOutcome")
class CaseOutcomeListener implements ExecutionListener {

  static final String PROPERTY = "caseOutcome";

  private final CaseService cases;

  CaseOutcomeListener(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseOutcome outcome = CaseOutcome.valueOf(ModelProperties.require(execution, PROPERTY));
    String caseRef = CaseScope.requireCaseRef(execution);
    cases.close(caseRef, outcome);
  }
}
