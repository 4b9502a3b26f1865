package dk.preparedreturn.transfer;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.EngineClock;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * DRC transfers a case to another partner of its country of return (case page). The caller must be
 * of DRC, which takes part in the case; the case must have a partner already (accepted with consent,
 * the country of return chosen) and be open; the new partner must be an existing partner group of
 * the case's country (its own or a regional one), not the current one; and no transfer may be under
 * way. Then the service starts {@code PartnerTransfer}, which the engine lets nobody else start.
 */
@Service
public class PartnerTransfers {

  /** At most this many groups are looked at for the options of the case page. */
  static final int MAX_GROUPS = 1000;

  private final CaseService cases;
  private final CaseParticipation participation;
  private final Workflow workflow;
  private final Directory directory;
  private final EngineClock clock;
  private final Texts texts;

  PartnerTransfers(CaseService cases, CaseParticipation participation, Workflow workflow, Directory directory,
      EngineClock clock, Texts texts) {
    this.cases = cases;
    this.participation = participation;
    this.workflow = workflow;
    this.directory = directory;
    this.clock = clock;
    this.texts = texts;
  }

  /** Whether the caller may transfer the case now (DRC, taking part, a partner routed, open, none running). */
  public boolean mayTransfer(CaseFile file, Caller caller) {
    return caller.in(Groups.DRC) && participation.takesPart(file.caseRef(), List.of(Groups.DRC)) && !file.closed()
        && file.partnerMayTakePart() && !workflow.hasOpenTask(file.caseRef(), PartnerTransferProcess.TASK_HAND_OVER_CASE);
  }

  /** The partner groups of the case's country of return the case could go to (not its current partner). */
  public List<String> options(CaseFile file) {
    return directory.groups(MAX_GROUPS).stream().filter(g -> Groups.isPartnerOf(g, file.countryOfReturn()))
        .filter(g -> !g.equals(file.partnerGroup())).toList();
  }

  /**
   * Starts the transfer of the case to the new partner group.
   *
   * @throws CaseNotFound when the case does not exist or the caller's organisation does not take part
   * @throws InvalidFormInput when the transfer is refused (field {@code newPartner}, in the caller's language)
   */
  public void start(String caseRef, String newPartnerGroup, Caller caller) {
    Audience audience = caller.audience();
    CaseFile file = cases.find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
    if (!participation.takesPart(caseRef, caller.groups())) {
      throw new CaseNotFound(caseRef);
    }
    if (!caller.in(Groups.DRC) || !participation.takesPart(caseRef, List.of(Groups.DRC))) {
      throw refused(audience, "notYours");
    }
    if (file.closed() || !file.partnerMayTakePart()) {
      throw refused(audience, "noPartnerYet");
    }
    if (workflow.hasOpenTask(caseRef, PartnerTransferProcess.TASK_HAND_OVER_CASE)) {
      throw refused(audience, "running");
    }
    if (!Groups.isPartnerOf(newPartnerGroup, file.countryOfReturn())) {
      throw refused(audience, "partnerOfCountry", Groups.partnerGroup(file.countryOfReturn()));
    }
    if (newPartnerGroup.equals(file.partnerGroup())) {
      throw refused(audience, "current");
    }
    if (!directory.groupExists(newPartnerGroup)) {
      throw refused(audience, "unknownPartner");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseVariables.CASE_REF.name(), caseRef);
    variables.put(CaseVariables.PARTNER_GROUP.name(), file.partnerGroup());
    variables.put(PartnerTransferProcess.NEW_PARTNER_GROUP.name(), newPartnerGroup);
    variables.put(PartnerTransferProcess.TRANSFER_DECIDED_ON.name(),
        PartnerTransferProcess.TRANSFER_DECIDED_ON.stored(clock.today()));
    variables.put(PartnerTransferProcess.PERIOD_TYPE.name(), file.periodType());
    workflow.startForCase(PartnerTransferProcess.KEY, caseRef, variables);
  }

  private InvalidFormInput refused(Audience audience, String reason, Object... arguments) {
    return new InvalidFormInput("newPartner", texts.get(audience, "transfer.refused." + reason, arguments));
  }
}
