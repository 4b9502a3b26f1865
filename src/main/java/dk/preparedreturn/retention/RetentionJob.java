package dk.preparedreturn.retention;

import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.process.CaseErasure;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a case once it has been closed longer than the retention period
 * ({@code RETENTION_PERSONAL_DATA}): the person's data, the case record with its dates, phase
 * history, payments, documents (with their bytes) and participants, its mails in the outbox, its entries in the access log, and
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
  private final CaseErasure engine;

  RetentionJob(JdbcClient jdbc, RetentionProperties properties, TransactionTemplate transactions, AuditLog audit,
      CaseErasure engine, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.properties = properties;
    this.transactions = transactions;
    this.audit = audit;
    this.engine = engine;
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
    engine.erase(caseRef);
    for (String table : List.of("case_person", "case_phase_history", "case_payment", "case_sustainability",
        "case_plan", "case_document", "case_participant",
        "notification", "audit_log", "case_file")) {
      jdbc.sql("DELETE FROM " + table + " WHERE case_ref = ?").param(caseRef).update();
    }
    return true;
  }
}
