package dk.preparedreturn.retention;

import dk.preparedreturn.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a case once it has been closed longer than the retention period
 * ({@code RETENTION_PERSONAL_DATA}): the person's data, the case record with its dates, phase
 * history, payments and participants, its mails in the outbox, its entries in the access log, and
 * its whole engine history (process instances of the case and their sub-processes: tasks, Tasklist
 * comments, variables with their history such as flight numbers and ordinary-return references,
 * activities, jobs, incidents, decisions, the user operation log, and the per-case authorizations).
 * Only the case's statistics row survives; it holds no case reference, no date finer than a quarter
 * and no duration finer than a week, and once the case is gone nothing with the case reference is
 * left to match it against. The run itself is written to the access log without a case reference.
 *
 * <p>Each case is deleted in its own transaction. Several nodes may run the job at once: the case
 * record is locked first, and a case another node already deleted is skipped.
 */
@Service
public class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RetentionProperties properties;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final AuthorizationService authorizations;

  RetentionJob(JdbcClient jdbc, RetentionProperties properties, TransactionTemplate transactions, AuditLog audit,
      @Lazy HistoryService history, @Lazy RuntimeService runtime, @Lazy AuthorizationService authorizations, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.properties = properties;
    this.transactions = transactions;
    this.audit = audit;
    this.history = history;
    this.runtime = runtime;
    this.authorizations = authorizations;
  }

  @Scheduled(cron = "${app.retention.cron:0 30 2 * * *}", zone = "${app.time-zone:Europe/Copenhagen}")
  void nightly() {
    if (properties.enabled()) {
      int done = run();
      if (done > 0) {
        LOG.info("Retention: {} closed cases deleted", done);
      }
    }
  }

  /** Deletes the cases that are due; returns how many this run deleted. */
  public int run() {
    Instant now = clock.instant();
    Instant closedBefore = now.atOffset(ZoneOffset.UTC).minus(properties.personalData()).toInstant();
    List<String> due = jdbc.sql("SELECT case_ref FROM case_file WHERE closed_at < ? ORDER BY closed_at")
        .param(Timestamp.from(closedBefore)).query(String.class).list();
    int done = 0;
    for (String caseRef : due) {
      Boolean deleted = transactions.execute(status -> delete(caseRef));
      if (Boolean.TRUE.equals(deleted)) {
        done++;
      }
    }
    if (done > 0) {
      int deleted = done;
      transactions.executeWithoutResult(status -> audit.record("retention", List.of("system"),
          AuditLog.Action.RETENTION_RUN, null, List.of("casesDeleted=" + deleted)));
    }
    return done;
  }

  private boolean delete(String caseRef) {
    List<String> locked = jdbc.sql("SELECT case_ref FROM case_file WHERE case_ref = ? FOR UPDATE").param(caseRef)
        .query(String.class).list();
    if (locked.isEmpty()) {
      return false;
    }
    deleteEngineData(caseRef);
    for (String table : List.of("case_person", "case_phase_history", "case_payment", "case_plan", "case_participant",
        "notification", "audit_log", "case_file")) {
      jdbc.sql("DELETE FROM " + table + " WHERE case_ref = ?").param(caseRef).update();
    }
    return true;
  }

  /** Every process instance of the case (business key) and their sub-processes, running or not. */
  private void deleteEngineData(String caseRef) {
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
