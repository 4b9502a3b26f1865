package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.PARTNER_GROUP;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.Variable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Find kvalificeret lokal partner": the contracted partner must be a partner in the case's country
 * of return (its group {@code partner-<country>} or {@code partner-<country>-<region>}, from the
 * case record) and must exist (created by an administrator in Camunda Admin), because its
 * caseworkers will get the case's partner tasks and read the case. The service then routes the case
 * to it: the case record and the case's {@code partnerGroup}, which no form writes itself.
 */
@Component("validatePartnerGroup")
class ValidatePartnerGroup implements TaskListener {

  static final Variable<String> LOCAL_PARTNER = Variable.string("localPartner");

  private final Directory directory;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidatePartnerGroup(FormInputs inputs, Directory directory, CaseService cases) {
    this.inputs = inputs;
    this.directory = directory;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    String group = input.requireText(LOCAL_PARTNER);
    String caseRef = CaseScope.requireCaseRef(task);
    CaseFile file = cases.require(caseRef);
    if (!Groups.isPartnerOf(group, file.countryOfReturn())) {
      throw input.brokenRule(LOCAL_PARTNER, "partnerOfCountry", Groups.partnerGroup(file.countryOfReturn()));
    }
    if (!directory.groupExists(group)) {
      throw input.brokenRule(LOCAL_PARTNER, "partnerGroupExists");
    }
    cases.routeToPartner(caseRef, group);
  }
}
