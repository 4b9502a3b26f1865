package dk.preparedreturn.reflection;

import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.CONTACT_PERSON;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Tildel kontaktperson": the contact person must be a caseworker of CMM; recorded in the case
 * record and at once in the main process (its reminders go to the contact person).
 */
@Component("validateContactPerson")
class ValidateContactPerson implements TaskListener {

  private final Directory directory;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateContactPerson(FormInputs inputs, Directory directory, CaseService cases) {
    this.inputs = inputs;
    this.directory = directory;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    String user = input.requireText(CONTACT_PERSON);
    if (!directory.isMember(user, Groups.CMM)) {
      throw input.brokenRule(CONTACT_PERSON, "contactPersonInCmm");
    }
    cases.assignContactPerson(CaseScope.requireCaseRef(task), user);
  }
}
