package dk.preparedreturn.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The access log of personal data: every read and write of a case's person data, with the user,
 * their groups, the case and the fields. Kept in the service's database, queried per case or per
 * data subject. A case's entries are deleted with the case when its retention period ends.
 */
@Repository
public class AuditLog {

  /**
   * What happened. {@code PERSON_SEARCH}: a case found by the person's name or date of birth and
   * shown with them (without a case reference when the search found nothing). {@code PERSON_PSEUDONYMISED} was written by earlier versions of the retention job;
   * {@code RETENTION_RUN} is one entry per retention run without a case reference (the deleted cases'
   * own entries are deleted with them). {@code DOCUMENT_UPLOADED} and {@code DOCUMENT_READ}: a document of
   * the case uploaded or downloaded, with its reference and kind as fields.
   */
  public enum Action { PERSON_CREATED, PERSON_READ, PERSON_SEARCH, PERSON_PSEUDONYMISED, RETENTION_RUN, DOCUMENT_UPLOADED,
    DOCUMENT_READ }

  public record Entry(Instant occurredAt, String userId, String userGroups, String action, String caseRef,
      String fields) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  public void record(String userId, Collection<String> groups, Action action, String caseRef,
      Collection<String> fields) {
    jdbc.sql("INSERT INTO audit_log (occurred_at, user_id, user_groups, action, case_ref, fields) VALUES (?,?,?,?,?,?)")
        .params(Timestamp.from(clock.instant()), userId, String.join(",", groups),
            action.name(), caseRef, fields == null ? null : String.join(",", fields))
        .update();
  }

  public List<Entry> forCases(Collection<String> caseRefs) {
    if (caseRefs.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(",", caseRefs.stream().map(c -> "?").toList());
    return jdbc.sql("SELECT occurred_at, user_id, user_groups, action, case_ref, fields FROM audit_log"
            + " WHERE case_ref IN (" + placeholders + ") ORDER BY occurred_at, id")
        .params(List.copyOf(caseRefs))
        .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
        .list();
  }
}
