package dk.preparedreturn.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox. Rows are written in the caller's transaction; a sender node claims a
 * row with an optimistic update of its lock columns, so two nodes never send the same row at once.
 * A claim is ended by recording the attempt (sent or failed), which clears the lock columns; a
 * pending row that is still locked by a node after its lock expired was claimed by a node that never
 * recorded the outcome (it stopped, or lost the database, between claim and record).
 */
@Repository
public class Outbox {

  public enum Status { PENDING, SENT, FAILED }

  public record Entry(String id, String dedupKey, NotificationKind kind, String caseRef, String taskId,
      List<String> recipients, String subject, String body, Status status, int attempts, Instant nextAttemptAt,
      String lastError, String incidentId, Instant createdAt, Instant sentAt, Instant retriedAt, String retriedBy) {

    /** Since when the notification has been trying to go out: created, or put back by an operator. */
    public Instant tryingSince() {
      return retriedAt != null && retriedAt.isAfter(createdAt) ? retriedAt : createdAt;
    }
  }

  /**
   * A due notification as it was when found (its content never changes; its attempts may grow by one
   * if another node tries it before this one claims it); {@code abandonedBy} is the node whose earlier
   * claim never recorded an outcome.
   */
  public record Due(Entry entry, String abandonedBy) {

    public String id() {
      return entry.id();
    }
  }

  private static final String COLUMNS = "id, dedup_key, kind, case_ref, task_id, recipients, subject, body, status,"
      + " attempts, next_attempt_at, last_error, incident_id, created_at, sent_at, retried_at, retried_by";

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a notification unless one with the same key exists; returns whether it was added. */
  public boolean add(String dedupKey, NotificationKind kind, String caseRef, String taskId, List<String> recipients,
      String subject, String body, Instant now) {
    int rows = jdbc.sql("INSERT INTO notification (id, dedup_key, kind, case_ref, task_id, recipients, subject, body,"
            + " status, attempts, next_attempt_at, created_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM (SELECT 1 AS one) x"
            + " WHERE NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = ?)")
        .params(UUID.randomUUID().toString(), dedupKey, kind.name(), caseRef, taskId, String.join(",", recipients),
            subject, body, ts(now), ts(now), dedupKey)
        .update();
    return rows == 1;
  }

  /** Pending notifications that are due and not locked by a live sender. */
  public List<Due> due(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + ", locked_by FROM notification WHERE status = 'PENDING'"
            + " AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)"
            + " ORDER BY next_attempt_at, created_at LIMIT ?")
        .params(ts(now), ts(now), limit).query((rs, n) -> new Due(entry(rs, n), rs.getString("locked_by"))).list();
  }

  /** Claims a notification for this node; false when another node got it first. */
  public boolean claim(String id, String node, Instant now, Instant until) {
    return jdbc.sql("UPDATE notification SET locked_by = ?, locked_until = ? WHERE id = ? AND status = 'PENDING'"
            + " AND (locked_until IS NULL OR locked_until < ?)")
        .params(node, ts(until), id, ts(now)).update() == 1;
  }

  public Optional<Entry> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?").param(id).query(Outbox::entry)
        .optional();
  }

  /** Notifications, newest first, optionally only those with a status and/or of a case. */
  public List<Entry> list(Status status, String caseRef, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE 1 = 1");
    List<Object> params = new java.util.ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    if (caseRef != null) {
      sql.append(" AND case_ref = ?");
      params.add(caseRef);
    }
    sql.append(" ORDER BY created_at DESC, id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(Outbox::entry).list();
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(rs.getString(1), rs.getString(2), NotificationKind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), List.of(rs.getString(6).split(",")), rs.getString(7), rs.getString(8),
        Status.valueOf(rs.getString(9)), rs.getInt(10), instant(rs.getTimestamp(11)), rs.getString(12),
        rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)),
        rs.getString(17));
  }

  /** Records that this node's claim was sent; false when the row is no longer claimed by this node. */
  public boolean markSent(String id, String node, Instant now) {
    return jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = ?, attempts = attempts + 1, locked_by = NULL,"
        + " locked_until = NULL, last_error = NULL WHERE id = ? AND locked_by = ?").params(ts(now), id, node).update() == 1;
  }

  public void markAttemptFailed(String id, String node, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.sql("UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, status = ?,"
            + " locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?")
        .params(truncate(error, 1000), ts(nextAttempt), giveUp ? "FAILED" : "PENDING", id, node).update();
  }

  public void setIncident(String id, String incidentId) {
    jdbc.sql("UPDATE notification SET incident_id = ? WHERE id = ?").params(incidentId, id).update();
  }

  /**
   * Puts a failed notification back in the queue (after the cause was fixed): due now, and the
   * give-up period counts again from now. False unless the notification is FAILED.
   */
  public boolean retry(String id, Instant now, String by) {
    return jdbc.sql("UPDATE notification SET status = 'PENDING', next_attempt_at = ?, retried_at = ?, retried_by = ?,"
            + " locked_by = NULL, locked_until = NULL WHERE id = ? AND status = 'FAILED'")
        .params(ts(now), ts(now), truncate(by, 64), id).update() == 1;
  }

  /**
   * Deletes sent notifications sent before the given time, in batches (short transactions, no long
   * locks); returns how many were deleted. Pending and failed notifications are never deleted.
   */
  public int purgeSent(Instant sentBefore, int batch) {
    int total = 0;
    while (true) {
      int deleted = jdbc.sql("DELETE FROM notification WHERE id IN (SELECT id FROM notification"
              + " WHERE status = 'SENT' AND sent_at < ? ORDER BY sent_at LIMIT ?)")
          .params(ts(sentBefore), batch).update();
      total += deleted;
      if (deleted < batch) {
        return total;
      }
    }
  }

  public long count(Status status) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE status = ?").param(status.name())
        .query(Long.class).single();
  }

  /** Pending notifications that already failed at least once (a sign of a mail outage). */
  public long retrying() {
    return jdbc.sql("SELECT count(*) FROM notification WHERE status = 'PENDING' AND attempts > 0")
        .query(Long.class).single();
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
