package dk.preparedreturn.journey;

import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.ModelProperties;
import dk.preparedreturn.casefile.CaseClosed;
import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.casefile.CaseOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Closes the case record with the outcome named by the end event's extension property {@code caseOutcome}. */
@Component("caseOutcome")
class CaseOutcomeListener implements ExecutionListener {

  static final String PROPERTY = "caseOutcome";

  private final CaseFileRepository cases;
  private final ApplicationEventPublisher events;

  CaseOutcomeListener(CaseFileRepository cases, ApplicationEventPublisher events) {
    this.cases = cases;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseOutcome outcome = CaseOutcome.valueOf(ModelProperties.require(execution, PROPERTY));
    String caseRef = CaseScope.requireCaseRef(execution);
    cases.close(caseRef, outcome, ClockUtil.getCurrentTime().toInstant());
    events.publishEvent(new CaseClosed(caseRef, outcome));
  }
}
