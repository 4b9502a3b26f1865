package dk.preparedreturn.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.process.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task shows, as deployed. With the binding "latest" (every model here) only the
 * latest version's id is looked up; a deployed version never changes, so it is read and parsed once.
 */
@Component
class DeployedForms {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, FormSchema> byDefinitionId = new ConcurrentHashMap<>();

  /** The task's form, or null when the task has none. */
  FormSchema of(TaskEntity task) {
    if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      return null;
    }
    if ("latest".equals(task.getTaskDefinition().getCamundaFormDefinitionBinding())
        && task.getTaskDefinition().getCamundaFormDefinitionKey().getValue(task) instanceof String key) {
      CamundaFormDefinitionEntity latest = Context.getCommandContext().getCamundaFormDefinitionManager()
          .findLatestDefinitionByKey(key);
      if (latest != null) {
        return byDefinitionId.computeIfAbsent(latest.getId(), id -> parse(() -> Context.getProcessEngineConfiguration()
            .getRepositoryService().getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())));
      }
    }
    return parse(() -> Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()));
  }

  private FormSchema parse(Callable<InputStream> resource) {
    try (InputStream stream = Privileged.call(resource)) {
      return new FormSchema(json.readTree(stream));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
