package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves the running cases onto the models the service has just deployed, so that a corrected model
 * (a legal rule, a new step) applies to the cases already under way and not only to new ones.
 *
 * <p>After {@link ProcessesDeployment} has deployed the models, every process instance of an older
 * version of a process is migrated to the latest version, activity by activity with the same id
 * (Camunda's {@code mapEqualActivities}): a task stays the same open task with its assignee and due
 * date, a timer keeps its due date, variables are kept. Custom listeners and input/output mappings do
 * not run. A version whose activities the latest version no longer has, a version whose parallel
 * paths join differently (a moved case could wait for a path it never took), or an instance waiting
 * in such an activity, is left where it is and named in the log (WARN, with Camunda's reasons), to be
 * migrated by hand in Cockpit with an explicit mapping; nothing is lost or guessed. The instances of
 * a version move together in one transaction; when some of them cannot move, the others move one by
 * one.
 *
 * <p>Deployments that process owners make from Camunda Modeler are not migrated automatically: that
 * is their decision, in Cockpit ("Migrate"). Switched off with {@code app.models.migrate-running=false}.
 * Several nodes: one at a time ({@link StartupLock}); the next finds nothing left to move.
 */
@Component
public class InstanceMigration {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceMigration.class);

  /** What happened to the instances of one older version. */
  public record Outcome(String processKey, int fromVersion, int toVersion, long instances, long moved,
      String reason) {
  }

  private final boolean enabled;

  public InstanceMigration(@Value("${app.models.migrate-running:true}") boolean enabled) {
    this.enabled = enabled;
  }

  /** Migrates the running instances of every older version to the latest version of its process. */
  public List<Outcome> migrateRunning(ProcessEngine engine) {
    if (!enabled) {
      return List.of();
    }
    List<Outcome> outcomes = new ArrayList<>();
    StartupLock.exclusively(engine, "migration of running instances",
        () -> outcomes.addAll(migrate(engine.getRepositoryService(), engine.getRuntimeService())));
    return outcomes;
  }

  private List<Outcome> migrate(RepositoryService repository, RuntimeService runtime) {
    Map<String, List<ProcessDefinition>> byKey = repository.createProcessDefinitionQuery().list().stream()
        .collect(Collectors.groupingBy(ProcessDefinition::getKey));
    List<Outcome> outcomes = new ArrayList<>();
    for (List<ProcessDefinition> versions : byKey.values()) {
      ProcessDefinition latest = versions.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion))
          .orElseThrow();
      for (ProcessDefinition older : versions) {
        if (older.getVersion() == latest.getVersion()) {
          continue;
        }
        long running = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
        if (running > 0) {
          outcomes.add(migrate(repository, runtime, older, latest, running));
        }
      }
    }
    return outcomes;
  }

  private Outcome migrate(RepositoryService repository, RuntimeService runtime, ProcessDefinition older,
      ProcessDefinition latest, long running) {
    String key = older.getKey();
    String joins = changedJoins(repository.getBpmnModelInstance(older.getId()),
        repository.getBpmnModelInstance(latest.getId()));
    if (!joins.isEmpty()) {
      LOG.warn("{} running instance(s) of {} stay on version {}: version {} joins parallel paths differently ({}), "
          + "so a moved case could wait at a join for a path it never took; migrate them in Cockpit with a mapping.",
          running, key, older.getVersion(), latest.getVersion(), joins);
      return new Outcome(key, older.getVersion(), latest.getVersion(), running, 0, "parallel joins changed: " + joins);
    }
    MigrationPlan plan;
    try {
      plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      LOG.warn("{} running instance(s) of {} stay on version {}: version {} cannot take them activity by activity; "
          + "migrate them in Cockpit with a mapping. {}", running, key, older.getVersion(), latest.getVersion(),
          e.getMessage());
      return new Outcome(key, older.getVersion(), latest.getVersion(), running, 0, e.getMessage());
    }
    try {
      execute(runtime, plan, runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
          .map(i -> i.getId()).toList());
      LOG.info("Moved {} running instance(s) of {} from version {} to version {}", running, key, older.getVersion(),
          latest.getVersion());
      return new Outcome(key, older.getVersion(), latest.getVersion(), running, running, null);
    } catch (MigratingProcessInstanceValidationException e) {
      // some instances wait where the new version has nothing to take them: move the others one by one
      long moved = 0;
      String reason = null;
      for (String id : runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
          .map(i -> i.getId()).toList()) {
        try {
          execute(runtime, plan, List.of(id));
          moved++;
        } catch (ProcessEngineException stays) {
          reason = stays.getMessage();
          LOG.warn("Process instance {} of {} stays on version {}; migrate it in Cockpit with a mapping. {}", id, key,
              older.getVersion(), stays.getMessage());
        }
      }
      LOG.info("Moved {} of {} running instance(s) of {} from version {} to version {}", moved, running, key,
          older.getVersion(), latest.getVersion());
      return new Outcome(key, older.getVersion(), latest.getVersion(), running, moved, reason);
    } catch (ProcessEngineException e) {
      LOG.warn("{} running instance(s) of {} stay on version {}: {}", running, key, older.getVersion(), e.getMessage());
      return new Outcome(key, older.getVersion(), latest.getVersion(), running, 0, e.getMessage());
    }
  }

  /**
   * The parallel and inclusive gateways whose incoming paths differ between the two versions (added,
   * removed, or joining another number of paths): empty when the versions join paths alike. Moving
   * a case past such a fork onto a version that waits for one more path would leave it waiting for
   * ever (Camunda checks only that the new join has at least as many incoming paths).
   */
  static String changedJoins(BpmnModelInstance older, BpmnModelInstance latest) {
    Map<String, Integer> before = joins(older);
    Map<String, Integer> after = joins(latest);
    java.util.Set<String> ids = new java.util.TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    return ids.stream().filter(id -> !java.util.Objects.equals(before.get(id), after.get(id)))
        .collect(Collectors.joining(", "));
  }

  private static Map<String, Integer> joins(BpmnModelInstance model) {
    Map<String, Integer> joins = new java.util.HashMap<>();
    for (Class<? extends Gateway> type : List.of(ParallelGateway.class, InclusiveGateway.class)) {
      for (Gateway gateway : model.getModelElementsByType(type)) {
        joins.put(gateway.getId(), gateway.getIncoming().size());
      }
    }
    return joins;
  }

  private static void execute(RuntimeService runtime, MigrationPlan plan, List<String> instances) {
    runtime.newMigration(plan).processInstanceIds(instances).skipCustomListeners().skipIoMappings().execute();
  }
}
