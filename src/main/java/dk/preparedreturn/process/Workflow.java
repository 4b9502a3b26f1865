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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The seam between the service's features and the process engine: the one place where they start a
 * case's processes, deliver messages to it, give its processes the values the case record holds
 * (and make timers and due dates follow a moved date), and ask what its processes hold (open and
 * finished work, decisions, events). Everything here runs as the service, without the caller's
 * authorizations: the caller's right to act on the case is checked by the feature against the case
 * record first.
 */
@Service
public class Workflow {

  /** An open task of a case: who must act (candidate groups), who holds it, when it is due. */
  public record OpenTask(String id, String name, String key, List<String> groups, String assignee, Date due,
      Date created) {
  }

  /** A finished step of a case: what, by whom (the organisation and the user), when. */
  public record FinishedTask(String name, String key, List<String> groups, String assignee, Date ended,
      String outcomeName, Object outcome) {
  }

  /**
   * An event reported in the case: which, on what day, by which user of which organisation, when; a
   * rebooking with its new departure date and flight number.
   */
  public record ReportedEvent(String event, String eventDate, String newDate, String flightNumber, String reportedBy,
      String reporterGroup, Date at) {
  }

  public static final Set<String> EVENT_PROCESSES = Set.of("RecordCaseEvent", "ReportPartnerEvent");

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ProcessEngineConfigurationImpl engine;
  /** Candidate groups of each user task as drawn in its model, by process definition id and task key. */
  private final Map<String, Map<String, String>> drawnGroups = new ConcurrentHashMap<>();

  public Workflow(@Lazy TaskService tasks, @Lazy HistoryService history, @Lazy RepositoryService repository,
      @Lazy RuntimeService runtime, @Lazy ManagementService management, @Lazy ProcessEngineConfigurationImpl engine) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.engine = engine;
  }

  // ------------------------------------------------------------------------------ starting, events

  /** Starts the case's main process (business key: the case reference); returns its instance id. */
  public String startCase(String processKey, String caseRef, Map<String, Object> variables) {
    return Privileged.call(() -> runtime.startProcessInstanceByKey(processKey, caseRef, variables)).getId();
  }

  /** Starts a process of the case (an event's), run to its end or first wait state in this transaction. */
  public void startForCase(String processKey, String caseRef, Map<String, Object> variables) {
    Privileged.run(() -> runtime.createProcessInstanceByKey(processKey).businessKey(caseRef).setVariables(variables)
        .execute());
  }

  /**
   * Delivers a message to the case.
   *
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when no process of the case waits for it
   */
  public void correlate(String caseRef, String message, Map<String, Object> variables) {
    Privileged.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseRef)
        .setVariables(variables).correlateWithResult());
  }

  /** Whether a task of the case with that key is open. */
  public boolean hasOpenTask(String caseRef, String taskKey) {
    return Privileged.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(taskKey)
        .count()) > 0;
  }

  /** A variable's value in a running process of the case (the first found), or null. */
  public <T> T runningValue(String caseRef, Variable<T> variable) {
    return Privileged.call(() -> {
      String[] instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list().stream()
          .map(i -> i.getId()).toArray(String[]::new);
      if (instances.length == 0) {
        return null;
      }
      return runtime.createVariableInstanceQuery().variableName(variable.name()).processInstanceIdIn(instances).list()
          .stream().map(v -> variable.from(Map.of(variable.name(), v.getValue()))).filter(java.util.Objects::nonNull)
          .findFirst().orElse(null);
    });
  }

  // ------------------------------------------------------------------------------ case-wide values

  /**
   * Gives the case's processes a value the case record holds. In a step of the case (a listener or
   * delegate) it is set on the process instances of the case that the step has at hand, and on the
   * case's main process; elsewhere on every running process instance of the case that holds it.
   */
  public <T> void setCaseValue(String caseRef, Variable<T> variable, T value) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      setCaseValueEverywhere(caseRef, variable, value);
      return;
    }
    Object stored = variable.stored(value);
    java.util.Set<ExecutionEntity> targets = new java.util.LinkedHashSet<>();
    for (ExecutionEntity execution : context.getDbEntityManager().getCachedEntitiesByType(ExecutionEntity.class)) {
      if (execution.isProcessInstanceExecution() && caseRef.equals(execution.getBusinessKey())
          && !execution.isEnded()) {
        targets.add(execution);
        ExecutionEntity root = execution;
        while (root.getSuperExecution() != null) {
          root = root.getSuperExecution().getProcessInstance();
        }
        targets.add(root);
      }
    }
    if (targets.isEmpty()) {
      setCaseValueEverywhere(caseRef, variable, value);
      return;
    }
    targets.forEach(instance -> instance.setVariable(variable.name(), stored));
  }

  /** Sets the value in every running process instance of the case that holds the variable. */
  public <T> void setCaseValueEverywhere(String caseRef, Variable<T> variable, T value) {
    Privileged.run(() -> setEverywhere(caseRef, variable.name(), variable.stored(value)));
  }

  /**
   * Moves a date that drives deadlines (the departure deadline, the planned departure): the variable
   * in every running process instance of the case (called processes hold their own copy), the due
   * date of every timer (re-evaluated from its expression) and of every open task.
   */
  public <T> void moveCaseDate(String caseRef, Variable<T> variable, T value) {
    Privileged.run(() -> {
      for (String instance : setEverywhere(caseRef, variable.name(), variable.stored(value))) {
        for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
          management.recalculateJobDuedate(timer.getId(), false);
        }
        for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
          recalculateDueDate(task.getId());
        }
      }
    });
  }

  private List<String> setEverywhere(String caseRef, String name, Object value) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).active().list()
        .stream().map(i -> i.getId()).toList();
    for (String instance : instances) {
      if (runtime.getVariable(instance, name) != null) {
        runtime.setVariable(instance, name, value);
      }
    }
    return instances;
  }

  private void recalculateDueDate(String taskId) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      Expression dueDate = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getDueDateExpression();
      if (dueDate != null) {
        Object value = dueDate.getValue(task.getExecution());
        if (value instanceof Date date) {
          task.setDueDate(date);
        }
      }
      return null;
    });
  }

  /**
   * The case's open tasks of one candidate group go to another (a transfer between partners): the
   * group's identity link is replaced, so the engine's task grants move with it (the new group may
   * work on them, the old one no longer sees them), and a task held by someone who is not a member of
   * the new group is given back. Tasks with a key in {@code except} (the hand-over itself) stay.
   *
   * @return the ids of the tasks that moved
   */
  public List<String> moveCandidateGroup(String caseRef, String from, String to, Set<String> except,
      java.util.function.BiPredicate<String, String> isMember) {
    return Privileged.call(() -> {
      List<String> moved = new ArrayList<>();
      for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseRef)
          .taskCandidateGroup(from).includeAssignedTasks().list()) {
        if (except.contains(task.getTaskDefinitionKey())) {
          continue;
        }
        tasks.deleteCandidateGroup(task.getId(), from);
        tasks.addCandidateGroup(task.getId(), to);
        if (task.getAssignee() != null && !isMember.test(task.getAssignee(), to)) {
          tasks.setAssignee(task.getId(), null);
        }
        moved.add(task.getId());
      }
      return moved;
    });
  }

  /**
   * Ends the running instances of one process of the case (work the case no longer needs, e.g. a
   * transfer between partners when the case closes): their open tasks go with them, no end listener runs.
   */
  public void cancel(String caseRef, String processKey, String reason) {
    Privileged.run(() -> {
      List<String> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
          .processDefinitionKey(processKey).list().stream().map(i -> i.getId()).toList();
      if (!running.isEmpty()) {
        runtime.deleteProcessInstancesIfExists(running, reason, true, true, false);
      }
    });
  }

  // ----------------------------------------------------------------------------------- reading

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
    return finishedTasks(caseRef, routing, Map.of());
  }

  /**
   * The case's finished steps, oldest first, each with the outcome its form recorded: for a task key
   * in {@code outcomeOf}, the value the named variable had when the task ended (a step done twice
   * shows each time's value).
   */
  public List<FinishedTask> finishedTasks(String caseRef, Map<String, String> routing, Map<String, String> outcomeOf) {
    List<HistoricTaskInstance> finished = Privileged.call(() -> history.createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(caseRef).finished().orderByHistoricTaskInstanceEndTime().asc().list()).stream()
        .filter(t -> t.getDeleteReason() == null || "completed".equals(t.getDeleteReason())).toList();
    List<HistoricVariableUpdate> updates = outcomeUpdates(finished, outcomeOf);
    return finished.stream().map(t -> {
      String variable = outcomeOf.get(t.getTaskDefinitionKey());
      Object outcome = variable == null ? null : updates.stream()
          .filter(u -> u.getVariableName().equals(variable) && u.getProcessInstanceId().equals(t.getProcessInstanceId())
              && !u.getTime().after(t.getEndTime()))
          .reduce((a, b) -> b).map(HistoricVariableUpdate::getValue).orElse(null);
      return new FinishedTask(t.getName(), t.getTaskDefinitionKey(),
          groups(t.getProcessDefinitionId(), t.getTaskDefinitionKey(), routing), t.getAssignee(), t.getEndTime(),
          outcome == null ? null : variable, outcome);
    }).toList();
  }

  /** The updates of the outcome variables in the instances of the finished tasks, oldest first. */
  private List<HistoricVariableUpdate> outcomeUpdates(List<HistoricTaskInstance> finished, Map<String, String> outcomeOf) {
    String[] instances = finished.stream().filter(t -> outcomeOf.containsKey(t.getTaskDefinitionKey()))
        .map(HistoricTaskInstance::getProcessInstanceId).distinct().toArray(String[]::new);
    if (instances.length == 0) {
      return List.of();
    }
    Set<String> names = Set.copyOf(outcomeOf.values());
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (String instance : instances) {
      Privileged.call(() -> history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
              .disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()).stream()
          .map(HistoricVariableUpdate.class::cast).filter(u -> names.contains(u.getVariableName()))
          .forEach(updates::add);
    }
    updates.sort(Comparator.comparing(HistoricVariableUpdate::getTime));
    return updates;
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
          str(v.get("flightNumber")), str(v.get("reportedBy")), str(v.get("reporterGroup")), instance.getStartTime()));
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
