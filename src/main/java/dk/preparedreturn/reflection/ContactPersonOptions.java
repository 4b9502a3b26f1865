package dk.preparedreturn.reflection;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
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

  private final Directory directory;
  private final ObjectMapper json = new ObjectMapper();

  ContactPersonOptions(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> options = directory.members(Groups.CMM, MAX_OPTIONS).stream()
        .map(member -> Map.of("label", member.label(), "value", member.id()))
        .toList();
    try {
      task.setVariableLocal(ReflectionProcess.CONTACT_PERSON_OPTIONS,
          SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
