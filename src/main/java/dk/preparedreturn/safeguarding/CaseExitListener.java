package dk.preparedreturn.safeguarding;

import static dk.preparedreturn.process.CaseVariables.EXIT_DATE;
import static dk.preparedreturn.process.CaseVariables.EXIT_REASON;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.EngineClock;
import dk.preparedreturn.process.ModelProperties;
import dk.preparedreturn.process.Workflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The tracing failed: the case record gets the exit reason named by the element's extension property
 * {@code exitReason} (NOT_ARRIVED, CONTACT_LOST), and the case's main process the reason and today's
 * date, from which DRC's closing task is due.
 */
@Component("caseExit")
class CaseExitListener implements ExecutionListener {

  static final String PROPERTY = "exitReason";

  private final CaseService cases;
  private final Workflow workflow;
  private final EngineClock clock;

  CaseExitListener(CaseService cases, Workflow workflow, EngineClock clock) {
    this.cases = cases;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reason = ModelProperties.require(execution, PROPERTY);
    String caseRef = CaseScope.requireCaseRef(execution);
    cases.recordExit(caseRef, reason);
    workflow.setCaseValue(caseRef, EXIT_REASON, reason);
    workflow.setCaseValue(caseRef, EXIT_DATE, clock.today());
  }
}
