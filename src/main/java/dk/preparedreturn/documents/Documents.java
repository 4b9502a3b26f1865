package dk.preparedreturn.documents;

import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.casefile.CaseAccess;
import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.InvalidFormInput;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Documents attached to a case: upload, list, download, and the receipts of a reimbursement claim.
 *
 * <p>Only organisations taking part in the case reach its documents, and of those only the kinds
 * {@link DocumentKind} gives them; anybody else gets the same "not found" as for a case (or a document)
 * that does not exist. A document is PDF, JPEG or PNG as its bytes show ({@link FileType}), at most
 * {@code app.documents.max-size}; anything else is refused in the caller's language, naming the field,
 * before anything is written. Every upload and every download is written to the access log with the
 * document's reference and kind. The uploader's file name is kept (without any path) but shown only to
 * the uploader's own organisation; everybody else, and every download, sees a name made of the kind and
 * the reference ({@code receipt-D-7K3M9QXA.pdf}).
 */
@Service
public class Documents {

  /** The document's reference: D- and eight characters of Crockford's base 32 (no I, L, O, U). */
  public static final String REFERENCE_PATTERN = "D-[0-9A-HJKMNP-TV-Z]{8}";
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int MAX_FILE_NAME = 120;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the caller may see of a document; {@code fileName} only for the uploader's organisation. */
  public record Listed(String id, DocumentKind kind, String contentType, long sizeBytes, Instant uploadedAt,
      String uploadedBy, String uploaderGroup, Integer claimMonth, String fileName, String downloadName) {
  }

  /** A document to send: its bytes, the type its bytes showed, and a file name without personal data. */
  public record Download(String id, DocumentKind kind, String contentType, String fileName, byte[] content) {
  }

  /** Whether a reference may document a claim: a receipt of the case not claimed before. */
  public enum ReceiptState { FREE, ALREADY_CLAIMED, NOT_A_RECEIPT_OF_THE_CASE }

  private final CaseAccess access;
  private final DocumentStore store;
  private final AuditLog audit;
  private final Texts texts;
  private final DocumentProperties properties;
  private final Clock clock;

  Documents(CaseAccess access, DocumentStore store, AuditLog audit, Texts texts, DocumentProperties properties,
      Clock clock) {
    this.access = access;
    this.store = store;
    this.audit = audit;
    this.texts = texts;
    this.properties = properties;
    this.clock = clock;
  }

  /** The kinds the caller may upload in the case (empty for a closed case). @throws CaseNotFound */
  public List<DocumentKind> uploadable(String caseRef, Caller caller) {
    CaseAccess.Visible visible = participant(caseRef, caller);
    if (visible.file().closed()) {
      return List.of();
    }
    return List.of(DocumentKind.values()).stream().filter(k -> k.uploadableBy(visible.participatingGroups()))
        .toList();
  }

  /** The largest document accepted, in whole megabytes (for hints and refusals). */
  public long maxMegabytes() {
    return Math.max(1, properties.maxSize().toMegabytes());
  }

  /**
   * Stores a document of the case and logs the upload.
   *
   * @throws CaseNotFound when the case does not exist or the caller does not take part in it
   * @throws InvalidFormInput naming {@code kind}, {@code file} or {@code case} when it is refused
   */
  public Listed upload(String caseRef, Caller caller, String kindName, String fileName, byte[] bytes) {
    CaseAccess.Visible visible = participant(caseRef, caller);
    Audience audience = caller.audience();
    if (visible.file().closed()) {
      throw refused(audience, "case", "document.caseClosed");
    }
    DocumentKind kind = DocumentKind.parse(kindName);
    if (kind == null || !kind.uploadableBy(visible.participatingGroups())) {
      throw refused(audience, "kind", "document.kind");
    }
    if (bytes == null || bytes.length == 0) {
      throw refused(audience, "file", "document.required");
    }
    if (bytes.length > properties.maxSize().toBytes()) {
      throw refused(audience, "file", "document.tooLarge", maxMegabytes());
    }
    String name = checkedFileName(fileName, audience);
    FileType type = FileType.of(bytes).orElseThrow(() -> refused(audience, "file", "document.type"));
    String group = visible.participatingGroups().stream().filter(g -> kind.uploadableBy(List.of(g))).findFirst()
        .orElseThrow();
    DocumentStore.Document document = new DocumentStore.Document(newReference(), caseRef, kind, type.contentType(),
        bytes.length, name, sha256(bytes), clock.instant(), caller.userId(), group, null);
    store.insert(document, bytes);
    audit.record(caller.userId(), caller.groups(), AuditLog.Action.DOCUMENT_UPLOADED, caseRef,
        List.of(document.id(), kind.name()));
    return listed(document, visible);
  }

  /** The case's documents the caller may see, oldest first. @throws CaseNotFound */
  public List<Listed> list(String caseRef, Caller caller) {
    CaseAccess.Visible visible = participant(caseRef, caller);
    return store.ofCase(caseRef).stream().filter(d -> d.kind().readableBy(visible.participatingGroups()))
        .map(d -> listed(d, visible)).toList();
  }

  /**
   * A document of the case to download, logged as read.
   *
   * @throws CaseNotFound for an unknown case or one the caller does not take part in
   * @throws DocumentNotFound for a document that is not the case's or not the caller's to see (the same answer)
   */
  public Download download(String caseRef, String id, Caller caller) {
    CaseAccess.Visible visible = participant(caseRef, caller);
    DocumentStore.Document document = (id == null || !id.matches(REFERENCE_PATTERN) ? null
        : store.find(caseRef, id).filter(d -> d.kind().readableBy(visible.participatingGroups())).orElse(null));
    if (document == null) {
      throw new DocumentNotFound();
    }
    byte[] content = store.content(document.id());
    audit.record(caller.userId(), caller.groups(), AuditLog.Action.DOCUMENT_READ, caseRef,
        List.of(document.id(), document.kind().name()));
    return new Download(document.id(), document.kind(), document.contentType(), downloadName(document), content);
  }

  /** What each reference is for a claim of the case: a free receipt, one claimed before, or nothing of the case's. */
  public Map<String, ReceiptState> receipts(String caseRef, Collection<String> ids) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    Map<String, ReceiptState> states = new LinkedHashMap<>();
    wanted.forEach(id -> states.put(id, ReceiptState.NOT_A_RECEIPT_OF_THE_CASE));
    List<String> wellFormed = wanted.stream().filter(id -> id != null && id.matches(REFERENCE_PATTERN)).toList();
    for (DocumentStore.Document d : store.ofCase(caseRef, wellFormed)) {
      if (d.kind() == DocumentKind.RECEIPT) {
        states.put(d.id(), d.claimMonth() == null ? ReceiptState.FREE : ReceiptState.ALREADY_CLAIMED);
      }
    }
    return states;
  }

  /** Marks the case's free receipts as documenting the claim of that support month. */
  public void claim(String caseRef, int month, Collection<String> ids) {
    if (!ids.isEmpty()) {
      store.linkToClaim(caseRef, new LinkedHashSet<>(ids), month);
    }
  }

  private CaseAccess.Visible participant(String caseRef, Caller caller) {
    CaseAccess.Visible visible = access.require(caseRef, caller);
    if (visible.participatingGroups().isEmpty()) {
      throw new CaseNotFound(caseRef); // managers and administrators see the case, not its documents
    }
    return visible;
  }

  private Listed listed(DocumentStore.Document d, CaseAccess.Visible visible) {
    boolean ownOrganisation = visible.participatingGroups().contains(d.uploaderGroup());
    return new Listed(d.id(), d.kind(), d.contentType(), d.sizeBytes(), d.uploadedAt(), d.uploadedBy(),
        d.uploaderGroup(), d.claimMonth(), ownOrganisation ? d.fileName() : null, downloadName(d));
  }

  private static String downloadName(DocumentStore.Document d) {
    return d.kind().stem() + "-" + d.id() + "." + FileType.ofContentType(d.contentType()).extension();
  }

  /** The file name as sent, refused when it holds a path, control or markup characters, or is too long. */
  private String checkedFileName(String fileName, Audience audience) {
    String name = fileName == null ? "" : fileName.strip();
    boolean bad = name.isEmpty() || name.length() > MAX_FILE_NAME || name.contains("..")
        || name.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL
            || Character.getType(c) == Character.FORMAT || "/\\:*?\"<>|".indexOf(c) >= 0);
    if (bad) {
      throw refused(audience, "file", "document.fileName", MAX_FILE_NAME);
    }
    return name;
  }

  private InvalidFormInput refused(Audience audience, String field, String key, Object... arguments) {
    return new InvalidFormInput(field, texts.get(audience, key, arguments));
  }

  private static String newReference() {
    StringBuilder id = new StringBuilder("D-");
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A document that is not the case's, or not the caller's to see: one answer for both. */
  public static class DocumentNotFound extends RuntimeException {
    DocumentNotFound() {
      super("Document not found");
    }
  }
}
