package dk.preparedreturn.preparation;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.PARTNER_GROUP;

import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.journey.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Lazy;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Find kvalificeret lokal partner": the contracted partner must exist as a partner group
 * ({@code partner-xx}, created by an administrator in Camunda Admin), because its caseworkers will
 * get the case's partner tasks.
 */
@Component("validatePartnerGroup")
class ValidatePartnerGroup implements TaskListener {

  private final IdentityService identity;
  private final CaseFileRepository cases;

  ValidatePartnerGroup(@Lazy IdentityService identity, CaseFileRepository cases) {
    this.identity = identity;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = FormInput.danish(task);
    String group = input.requireText(PARTNER_GROUP, "Partnergruppe");
    if (!Groups.isPartnerGroup(group)
        || Privileged.call(() -> identity.createGroupQuery().groupId(group).count()) == 0) {
      throw input.invalid(PARTNER_GROUP, "Partnergruppe", "skal være en eksisterende partnergruppe (partner-xx); bed en administrator"
          + " oprette gruppen og partnerens brugere først", "must be an existing partner group");
    }
    cases.setPartnerGroup(CASE_REF.require(task), group);
  }
}
