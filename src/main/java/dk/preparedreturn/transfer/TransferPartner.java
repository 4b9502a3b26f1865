package dk.preparedreturn.transfer;

import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.Workflow;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Flyt sagen til den nye partner", after the old partner's hand-over (or its deadline): the case
 * record routes the case to the new partner (only one of the case's country of return), the processes
 * get the new partner group, the open tasks of the old partner go to the new one (an assignee of the
 * old partner gives them back), the new partner takes part in the case and the old one no longer does:
 * its participation and every grant on the case's instances, history and tasks are gone.
 */
@Component("transferPartner")
class TransferPartner implements JavaDelegate {

  private final CaseService cases;
  private final CaseParticipation participation;
  private final Workflow workflow;
  private final Directory directory;

  TransferPartner(CaseService cases, CaseParticipation participation, Workflow workflow, Directory directory) {
    this.cases = cases;
    this.participation = participation;
    this.workflow = workflow;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = CaseScope.requireCaseRef(execution);
    String from = cases.require(caseRef).partnerGroup();
    String to = PartnerTransferProcess.NEW_PARTNER_GROUP.require(execution);
    if (to.equals(from)) {
      return;
    }
    cases.transferToPartner(caseRef, to);
    workflow.moveCandidateGroup(caseRef, from, to, Set.of(PartnerTransferProcess.TASK_HAND_OVER_CASE),
        directory::isMember);
    participation.join(caseRef, to);
    participation.leave(caseRef, from);
  }
}
