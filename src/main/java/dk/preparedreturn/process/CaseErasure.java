package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Erases what the engine holds of one case: every process instance with the case reference as
 * business key and their sub-processes, running or not, with their tasks, Tasklist comments,
 * variables and their history, activities, jobs, incidents, decisions, the user operation log and
 * the per-case authorizations. Called by retention inside the transaction that deletes the case.
 */
@Component
public class CaseErasure {

  private final HistoryService history;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;

  CaseErasure(@Lazy HistoryService history, @Lazy RuntimeService runtime, @Lazy AuthorizationService authorizations) {
    this.history = history;
    this.runtime = runtime;
    this.authorizations = authorizations;
  }

  public void erase(String caseRef) {
    List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      // a closed case has no running instance; one left behind by an error must not keep data alive
      runtime.deleteProcessInstancesIfExists(running, "retention", true, true, false);
    }
    Set<String> instances = new LinkedHashSet<>();
    for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseRef).list()) {
      instances.add(root.getId());
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getRootProcessInstanceId()).list()
          .forEach(instance -> instances.add(instance.getId()));
    }
    if (instances.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(instances);
    for (String id : ids) {
      for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id)
          .list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
      }
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
        history.deleteUserOperationLogEntry(entry.getId());
      }
      // the grants on the instance and, with historic instance permissions, on its tasks
      List<String> resources = new ArrayList<>(List.of(id));
      history.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(t -> resources.add(t.getId()));
      for (String resource : resources) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().resourceId(resource).list()) {
          authorizations.deleteAuthorization(authorization.getId());
        }
      }
    }
    history.deleteHistoricProcessInstancesIfExists(ids);
  }
}
