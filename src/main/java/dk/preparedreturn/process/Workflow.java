package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The seam between the service's features and the process engine for what a case's processes hold:
 * its open and finished work, the decisions taken in its forms and the events reported. Features ask
 * here instead of querying the engine themselves; everything here is read as the service (the
 * caller's right to see the case is checked by the feature, against the case record).
 */
@Service
public class Workflow {

  /** An open task of a case: who must act (candidate groups), who holds it, when it is due. */
  public record OpenTask(String id, String name, String key, List<String> groups, String assignee, Date due,
      Date created) {
  }

  /** A finished step of a case: what, by whom (the organisation and the user), when. */
  public record FinishedTask(String name, String key, List<String> groups, String assignee, Date ended) {
  }

  /** An event reported in the case: which, on what day, by which user of which organisation, when. */
  public record ReportedEvent(String event, String eventDate, String newDate, String reportedBy, String reporterGroup,
      Date at) {
  }

  public static final Set<String> EVENT_PROCESSES = Set.of("RecordCaseEvent", "ReportPartnerEvent");

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  /** Candidate groups of each user task as drawn in its model, by process definition id and task key. */
  private final Map<String, Map<String, String>> drawnGroups = new ConcurrentHashMap<>();

  public Workflow(@Lazy TaskService tasks, @Lazy HistoryService history, @Lazy RepositoryService repository) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
  }

  /** The case's open tasks, by due date (tasks without one last). */
  public List<OpenTask> openTasks(String caseRef, Map<String, String> routing) {
    return Privileged.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseRef).list()).stream()
        .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(),
            groups(t.getProcessDefinitionId(), t.getTaskDefinitionKey(), routing), t.getAssignee(), t.getDueDate(),
            t.getCreateTime()))
        .sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The case's finished steps, oldest first. */
  public List<FinishedTask> finishedTasks(String caseRef, Map<String, String> routing) {
    return Privileged.call(() -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseRef)
            .finished().orderByHistoricTaskInstanceEndTime().asc().list()).stream()
        .filter(t -> t.getDeleteReason() == null || "completed".equals(t.getDeleteReason()))
        .map(t -> new FinishedTask(t.getName(), t.getTaskDefinitionKey(),
            groups(t.getProcessDefinitionId(), t.getTaskDefinitionKey(), routing), t.getAssignee(), t.getEndTime()))
        .toList();
  }

  /** The latest value of each named variable in the case's processes (decisions taken in its forms). */
  public Map<String, Object> latestValues(String caseRef, Collection<String> names) {
    List<String> instances = instanceIds(caseRef);
    if (instances.isEmpty() || names.isEmpty()) {
      return Map.of();
    }
    List<HistoricVariableInstance> values = Privileged.call(() -> history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(names.toArray(String[]::new))
        .disableCustomObjectDeserialization().list());
    Map<String, HistoricVariableInstance> latest = new HashMap<>();
    for (HistoricVariableInstance value : values) {
      latest.merge(value.getName(), value, (a, b) -> a.getCreateTime().after(b.getCreateTime()) ? a : b);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (String name : names) {
      if (latest.containsKey(name) && latest.get(name).getValue() != null) {
        result.put(name, latest.get(name).getValue());
      }
    }
    return result;
  }

  /** The events reported in the case, newest first. */
  public List<ReportedEvent> events(String caseRef) {
    List<HistoricProcessInstance> reported = Privileged.call(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseRef).processDefinitionKeyIn(EVENT_PROCESSES.toArray(String[]::new))
        .orderByProcessInstanceStartTime().desc().list());
    List<ReportedEvent> events = new ArrayList<>();
    for (HistoricProcessInstance instance : reported) {
      Map<String, Object> v = new HashMap<>();
      Privileged.call(() -> history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
          .forEach(variable -> v.put(variable.getName(), variable.getValue()));
      events.add(new ReportedEvent(str(v.get("event")), str(v.get("eventDate")), str(v.get("newDate")),
          str(v.get("reportedBy")), str(v.get("reporterGroup")), instance.getStartTime()));
    }
    return events;
  }

  private List<String> instanceIds(String caseRef) {
    return Privileged.call(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).list())
        .stream().filter(i -> !EVENT_PROCESSES.contains(i.getProcessDefinitionKey())).map(HistoricProcessInstance::getId)
        .toList();
  }

  /**
   * The candidate groups of a task as its model names them, with the case's routing values for
   * expressions ({@code ${partnerGroup}} -> the case's partner); no query per task.
   */
  List<String> groups(String processDefinitionId, String taskKey, Map<String, String> routing) {
    String drawn = drawnGroups.computeIfAbsent(processDefinitionId, id -> {
      Map<String, String> byKey = new HashMap<>();
      Privileged.call(() -> repository.getBpmnModelInstance(id)).getModelElementsByType(UserTask.class)
          .forEach(task -> byKey.put(task.getId(), task.getCamundaCandidateGroups() == null ? ""
              : task.getCamundaCandidateGroups()));
      return byKey;
    }).getOrDefault(taskKey, "");
    List<String> groups = new ArrayList<>();
    for (String group : drawn.split(",")) {
      String g = group.trim();
      if (g.startsWith("${") && g.endsWith("}")) {
        g = routing.get(g.substring(2, g.length() - 1));
      }
      if (g != null && !g.isBlank()) {
        groups.add(g);
      }
    }
    return groups;
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
