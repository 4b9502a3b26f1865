package dk.preparedreturn.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code case_document}: one row per document with its bytes. Deleted by retention with the case. */
@Repository
class DocumentStore {

  private static final String COLUMNS = "id, case_ref, kind, content_type, size_bytes, file_name, sha256, uploaded_at,"
      + " uploaded_by, uploader_group, claim_month";

  private final JdbcClient jdbc;

  DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Document d, byte[] content) {
    jdbc.sql("INSERT INTO case_document (" + COLUMNS + ", content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(d.id(), d.caseRef(), d.kind().name(), d.contentType(), d.sizeBytes(), d.fileName(), d.sha256(),
            Timestamp.from(d.uploadedAt()), d.uploadedBy(), d.uploaderGroup(), d.claimMonth(), content)
        .update();
  }

  /** The case's documents without their bytes, oldest first. */
  List<Document> ofCase(String caseRef) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_ref = ? ORDER BY uploaded_at, id")
        .param(caseRef).query((rs, n) -> row(rs)).list();
  }

  /** These documents of the case (others, and other cases' documents, are not found). */
  List<Document> ofCase(String caseRef, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(",", ids.stream().map(i -> "?").toList());
    List<Object> params = new java.util.ArrayList<>();
    params.add(caseRef);
    params.addAll(ids);
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_ref = ? AND id IN (" + placeholders + ")")
        .params(params).query((rs, n) -> row(rs)).list();
  }

  Optional<Document> find(String caseRef, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_ref = ? AND id = ?").params(caseRef, id)
        .query((rs, n) -> row(rs)).optional();
  }

  byte[] content(String id) {
    return jdbc.sql("SELECT content FROM case_document WHERE id = ?").param(id)
        .query((rs, n) -> rs.getBytes(1)).single();
  }

  int linkToClaim(String caseRef, Collection<String> ids, int month) {
    String placeholders = String.join(",", ids.stream().map(i -> "?").toList());
    List<Object> params = new java.util.ArrayList<>();
    params.add(month);
    params.add(caseRef);
    params.addAll(ids);
    return jdbc.sql("UPDATE case_document SET claim_month = ? WHERE case_ref = ? AND claim_month IS NULL"
        + " AND kind = 'RECEIPT' AND id IN (" + placeholders + ")").params(params).update();
  }

  private static Document row(java.sql.ResultSet rs) throws java.sql.SQLException {
    int month = rs.getInt(11);
    Integer claimMonth = rs.wasNull() ? null : month;
    return new Document(rs.getString(1), rs.getString(2), DocumentKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
        rs.getString(10), claimMonth);
  }

  /** A document without its bytes. */
  record Document(String id, String caseRef, DocumentKind kind, String contentType, long sizeBytes, String fileName,
      String sha256, Instant uploadedAt, String uploadedBy, String uploaderGroup, Integer claimMonth) {
  }
}
