package dk.preparedreturn.reflection;

import static dk.preparedreturn.journey.CaseVariables.CONTACT_PERSON;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.journey.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** "Tildel kontaktperson": the contact person must be a caseworker of CMM. */
@Component("validateContactPerson")
class ValidateContactPerson implements TaskListener {

  private final IdentityService identity;

  ValidateContactPerson(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = FormInput.danish(task);
    String user = input.requireText(CONTACT_PERSON);
    long member = Privileged.call(() -> identity.createUserQuery().userId(user).memberOfGroup(Groups.CMM).count());
    if (member == 0) {
      throw input.invalid(CONTACT_PERSON, "skal være en medarbejder i Center mod Menneskehandel", "must be a CMM caseworker");
    }
  }
}
