package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the engine knows of a case, read for the service's own views (the deadline calendar): its
 * case-wide values, the steps it completed, and what the latest deployed decision tables say,
 * evaluated without writing decision history. Reads run inside {@link #read} (one engine command,
 * without the caller's authorizations: the caller's right to see the case is checked before).
 */
@Component
public class CaseHistory {

  /** The delete reason of a completed (not cancelled) task in the engine's history. */
  private static final String COMPLETED = "completed";

  /** A completed user task of the case, with the value of a variable of its process instance. */
  public record CompletedTask(String taskKey, Object value) {
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;

  CaseHistory(@Lazy RuntimeService runtime, @Lazy HistoryService history, @Lazy RepositoryService repository,
      @Lazy ProcessEngineConfigurationImpl engine) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.engine = engine;
  }

  /** Runs the reads as one engine command without the caller's authorizations. */
  public <T> T read(Supplier<T> reads) {
    return engine.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(reads::get));
  }

  /**
   * The case's values: of its running process instances (a called process may hold values the main
   * process receives only when it ends), else of the ended main instance.
   */
  public Map<String, Object> caseValues(String caseRef, String mainInstanceId) {
    Map<String, Object> values = new HashMap<>();
    if (mainInstanceId == null) {
      return values;
    }
    var running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list();
    if (!running.isEmpty()) {
      running.forEach(instance -> runtime.getVariables(instance.getId()).forEach(values::putIfAbsent));
    } else {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(mainInstanceId).listPage(0, 500)) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  /**
   * The user tasks of the case completed (not cancelled) among {@code taskKeys}, each with the value
   * its process instance holds in {@code variable} (null when none, or when no variable is asked
   * for), at most 200.
   */
  public List<CompletedTask> completedTasks(String caseRef, Collection<String> taskKeys, String variable) {
    List<HistoricTaskInstance> completed = history.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseRef).finished().taskDefinitionKeyIn(taskKeys.toArray(String[]::new))
        .listPage(0, 200).stream().filter(t -> COMPLETED.equals(t.getDeleteReason())).toList();
    Map<String, Object> valueOf = new HashMap<>();
    if (!completed.isEmpty() && variable != null) {
      history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(completed.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct()
              .toArray(String[]::new))
          .variableName(variable).listPage(0, 200)
          .forEach(v -> valueOf.put(v.getProcessInstanceId(), v.getValue()));
    }
    List<CompletedTask> tasks = new ArrayList<>();
    completed.forEach(t -> tasks.add(new CompletedTask(t.getTaskDefinitionKey(), valueOf.get(t.getProcessInstanceId()))));
    return tasks;
  }

  /**
   * The latest deployed decision table {@code key} evaluated for the inputs, one map of outputs per
   * matching rule; null when no such decision is deployed. Writes no decision history.
   */
  public List<Map<String, Object>> decide(String key, Map<String, Object> inputs) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    if (definition == null) {
      return null;
    }
    DmnDecision decision = engine.getDmnEngine().parseDecision(key, repository.getDecisionModel(definition.getId()));
    List<Map<String, Object>> rules = new ArrayList<>();
    for (DmnDecisionRuleResult rule : engine.getDmnEngine()
        .evaluateDecisionTable(decision, Variables.fromMap(inputs))) {
      rules.add(new HashMap<>(rule.getEntryMap()));
    }
    return rules;
  }
}
