package dk.preparedreturn.reflection;

import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.CONTACT_PERSON;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.forms.FormInput;
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

  ValidateContactPerson(Directory directory, CaseService cases) {
    this.directory = directory;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = FormInput.danish(task);
    String user = input.requireText(CONTACT_PERSON, "Kontaktperson");
    if (!directory.isMember(user, Groups.CMM)) {
      throw input.invalid(CONTACT_PERSON, "Kontaktperson", "skal være en medarbejder i Center mod Menneskehandel", "must be a CMM caseworker");
    }
    cases.assignContactPerson(CaseScope.requireCaseRef(task), user);
  }
}
