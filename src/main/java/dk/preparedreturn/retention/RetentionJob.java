package dk.preparedreturn.retention;

import dk.preparedreturn.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the personal data of cases closed longer ago than the retention period: the person's
 * row is deleted, the referrer's own reference (which leads to the person in the referrer's
 * system) is replaced by a one-way hash, and the case's link to its statistics row is cut, so the
 * statistics become anonymous and survive. The case record keeps dates, phases and outcome (no
 * personal data); the engine history holds no personal data by design and is removed by the
 * engine's history cleanup (history time to live of every definition). Each case is done in its
 * own transaction and logged in the audit log. Several nodes may run it: a case already done is
 * skipped.
 */
@Service
public class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final JdbcClient jdbc;
  private final RetentionProperties properties;
  private final TransactionTemplate transactions;
  private final AuditLog audit;

  RetentionJob(JdbcClient jdbc, RetentionProperties properties, TransactionTemplate transactions, AuditLog audit) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.transactions = transactions;
    this.audit = audit;
  }

  @Scheduled(cron = "${app.retention.cron:0 30 2 * * *}", zone = "${app.time-zone:Europe/Copenhagen}")
  void nightly() {
    if (properties.enabled()) {
      int done = run();
      if (done > 0) {
        LOG.info("Retention: personal data of {} closed cases removed", done);
      }
    }
  }

  /** Removes the personal data that is due; returns the number of cases done. */
  public int run() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant closedBefore = now.atOffset(ZoneOffset.UTC).minus(properties.personalData()).toInstant();
    List<String> due = jdbc.sql("SELECT case_ref FROM case_file WHERE closed_at < ? AND pseudonymised_at IS NULL"
        + " ORDER BY closed_at").param(Timestamp.from(closedBefore)).query(String.class).list();
    int done = 0;
    for (String caseRef : due) {
      Boolean removed = transactions.execute(status -> removePersonalData(caseRef, now));
      if (Boolean.TRUE.equals(removed)) {
        done++;
      }
    }
    return done;
  }

  private boolean removePersonalData(String caseRef, Instant now) {
    int claimed = jdbc.sql("UPDATE case_file SET pseudonymised_at = ?, stats_id = NULL,"
            + " referrer_reference = ?, referral_fingerprint = ? WHERE case_ref = ? AND pseudonymised_at IS NULL")
        .params(Timestamp.from(now), "removed-" + hash(caseRef), hash("removed:" + caseRef), caseRef).update();
    if (claimed == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM case_person WHERE case_ref = ?").param(caseRef).update();
    audit.record("retention", List.of("system"), AuditLog.Action.PERSON_PSEUDONYMISED, caseRef, List.of("all"));
    return true;
  }

  static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
