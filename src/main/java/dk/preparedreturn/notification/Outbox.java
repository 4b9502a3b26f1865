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
 */
@Repository
public class Outbox {

  public enum Status { PENDING, SENT, FAILED }

  public record Entry(String id, String dedupKey, NotificationKind kind, String caseRef, String taskId,
      List<String> recipients, String subject, String body, Status status, int attempts, Instant nextAttemptAt,
      String lastError, String incidentId, Instant createdAt, Instant sentAt) {
  }

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

  /** Ids of pending notifications that are due and not locked by a live sender. */
  public List<String> due(Instant now, int limit) {
    return jdbc.sql("SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?"
            + " AND (locked_until IS NULL OR locked_until < ?) ORDER BY next_attempt_at, created_at LIMIT ?")
        .params(ts(now), ts(now), limit).query(String.class).list();
  }

  /** Claims a notification for this node; false when another node got it first. */
  public boolean claim(String id, String node, Instant now, Instant until) {
    return jdbc.sql("UPDATE notification SET locked_by = ?, locked_until = ? WHERE id = ? AND status = 'PENDING'"
            + " AND (locked_until IS NULL OR locked_until < ?)")
        .params(node, ts(until), id, ts(now)).update() == 1;
  }

  public Optional<Entry> find(String id) {
    return jdbc.sql("SELECT id, dedup_key, kind, case_ref, task_id, recipients, subject, body, status, attempts,"
            + " next_attempt_at, last_error, incident_id, created_at, sent_at FROM notification WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), NotificationKind.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5), List.of(rs.getString(6).split(",")), rs.getString(7), rs.getString(8),
            Status.valueOf(rs.getString(9)), rs.getInt(10), instant(rs.getTimestamp(11)), rs.getString(12),
            rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15))))
        .optional();
  }

  public void markSent(String id, String node, Instant now) {
    jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = ?, attempts = attempts + 1, locked_by = NULL,"
        + " locked_until = NULL, last_error = NULL WHERE id = ? AND locked_by = ?").params(ts(now), id, node).update();
  }

  public void markAttemptFailed(String id, String node, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.sql("UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, status = ?,"
            + " locked_by = NULL, locked_until = NULL WHERE id = ? AND locked_by = ?")
        .params(truncate(error, 1000), ts(nextAttempt), giveUp ? "FAILED" : "PENDING", id, node).update();
  }

  public void setIncident(String id, String incidentId) {
    jdbc.sql("UPDATE notification SET incident_id = ? WHERE id = ?").params(incidentId, id).update();
  }

  /** Puts a failed notification back in the queue (after the cause was fixed). */
  public boolean retry(String id, Instant now) {
    return jdbc.sql("UPDATE notification SET status = 'PENDING', next_attempt_at = ?, locked_by = NULL,"
        + " locked_until = NULL WHERE id = ? AND status = 'FAILED'").params(ts(now), id).update() == 1;
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

  public List<Entry> recent(int limit) {
    return jdbc.sql("SELECT id FROM notification ORDER BY created_at DESC LIMIT ?").param(limit)
        .query(String.class).list().stream().map(this::find).flatMap(Optional::stream).toList();
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
