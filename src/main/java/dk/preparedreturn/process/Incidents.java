package dk.preparedreturn.process;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Incidents the service raises itself (a side effect outside the engine that keeps failing, such as
 * a notification), so that operations see them in Cockpit next to the case's failed jobs.
 */
@Component
public class Incidents {

  private final RuntimeService runtime;

  Incidents(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Whether the incident still shows in Cockpit. */
  public boolean open(String incidentId) {
    return incidentId != null
        && Privileged.call(() -> runtime.createIncidentQuery().incidentId(incidentId).count()) > 0;
  }

  /**
   * Raises an incident on the running process instance, at its current activity; empty when the
   * instance has ended.
   */
  public Optional<String> raise(String processInstanceId, String type, String configuration, String message) {
    return Privileged.call(() -> {
      if (processInstanceId == null
          || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
        return Optional.empty();
      }
      return Optional.of(runtime.createIncident(type, executionAtActivity(processInstanceId), configuration, message)
          .getId());
    });
  }

  public void resolve(String incidentId) {
    Privileged.run(() -> runtime.resolveIncident(incidentId));
  }

  /**
   * An execution of the process instance that is at an activity: the engine creates incidents only
   * there (ENGINE: "Execution must be related to an activity"). The process instance's own execution
   * is not while the case waits inside a scope (the return-track subprocess, an activity with
   * boundary events), so the incident goes to the execution of the innermost current activity; it
   * still belongs to the case's process instance.
   */
  private String executionAtActivity(String processInstanceId) {
    ActivityInstance current = runtime.getActivityInstance(processInstanceId);
    while (current != null && current.getChildActivityInstances().length > 0) {
      current = current.getChildActivityInstances()[0];
    }
    return current == null || current.getExecutionIds().length == 0 ? processInstanceId
        : current.getExecutionIds()[0];
  }
}
