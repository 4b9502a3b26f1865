package dk.preparedreturn.reflection;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.CaseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send sagen til partneren": the case goes to the partner group the decision table PartnerRouting
 * chose for the country and region of return ({@code routedPartner}); without one (no partner in the
 * country yet), to the country's partner group, and DRC finds a local partner in the preparation. The
 * case record accepts only a partner of the case's country of return, whatever the table says.
 */
@Component("routeToPartner")
class RouteToPartner implements JavaDelegate {

  private final CaseService cases;

  RouteToPartner(CaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = CaseScope.requireCaseRef(execution);
    CaseFile file = cases.require(caseRef);
    String partner = ReflectionProcess.ROUTED_PARTNER.get(execution);
    cases.routeToPartner(caseRef, partner == null || partner.isBlank()
        ? Groups.partnerGroup(file.countryOfReturn()) : partner);
  }
}
