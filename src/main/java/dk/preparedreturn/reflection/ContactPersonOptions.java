package dk.preparedreturn.reflection;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Privileged;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Tildel kontaktperson": offers the caseworkers of CMM as choices in the form (a JSON list of
 * label/value pairs in a task-local variable that the form's select reads).
 */
@Component("contactPersonOptions")
class ContactPersonOptions implements TaskListener {

  static final int MAX_OPTIONS = 200;

  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  ContactPersonOptions(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    List<User> users = Privileged.call(() -> identity.createUserQuery().memberOfGroup(Groups.CMM)
        .orderByUserLastName().asc().listPage(0, MAX_OPTIONS));
    List<Map<String, String>> options = users.stream()
        .map(u -> Map.of("label", (u.getFirstName() + " " + u.getLastName()).trim() + " (" + u.getId() + ")",
            "value", u.getId()))
        .toList();
    try {
      task.setVariableLocal(ReflectionProcess.CONTACT_PERSON_OPTIONS,
          SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
