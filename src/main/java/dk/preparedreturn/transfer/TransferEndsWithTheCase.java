package dk.preparedreturn.transfer;

import dk.preparedreturn.casefile.CaseClosed;
import dk.preparedreturn.process.Workflow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case that closes while a transfer between partners is under way needs no hand-over any more: the
 * transfer ends with the case (the old partner's open hand-over task goes), in the closing transaction.
 */
@Component
class TransferEndsWithTheCase {

  private final Workflow workflow;

  TransferEndsWithTheCase(Workflow workflow) {
    this.workflow = workflow;
  }

  @EventListener
  void closed(CaseClosed event) {
    workflow.cancel(event.caseRef(), PartnerTransferProcess.KEY, "case closed");
  }
}
