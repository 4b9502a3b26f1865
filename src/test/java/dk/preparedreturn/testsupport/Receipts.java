package dk.preparedreturn.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.documents.Documents;
import dk.preparedreturn.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Receipts for reimbursement claims as the partner uploads them (a small PDF through
 * {@link Documents}, as the case's partner), and claims that name them: each row's
 * {@code receiptDocument} is the receipt uploaded for its {@code receiptReference}, once per case and
 * reference, so that the partner's claim and DRC's review of it name the same document.
 */
public final class Receipts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> UPLOADED = new ConcurrentHashMap<>();

  private final Documents documents;
  private final CaseService cases;

  public Receipts(Documents documents, CaseService cases) {
    this.documents = documents;
    this.cases = cases;
  }

  /** The receipt with this number in the case, uploaded by the case's partner the first time it is asked for. */
  public String receipt(String caseRef, String receiptReference) {
    return UPLOADED.computeIfAbsent(caseRef + "|" + receiptReference, key -> upload(caseRef));
  }

  /** A new receipt of the case uploaded by its partner; its reference (D-…). */
  public String upload(String caseRef) {
    return upload(caseRef, cases.require(caseRef).partnerGroup());
  }

  /** The same as the given partner group (without looking it up in the case record). */
  public String upload(String caseRef, String partner) {
    byte[] pdf = ("%PDF-1.4\n% receipt\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    return documents.upload(caseRef, new Caller(TestUsers.BY_GROUP.getOrDefault(partner, partner + "-test"),
        List.of(partner)), "RECEIPT", "receipt.pdf", pdf).id();
  }

  /** The claims (JSON array) with each row's receipt document set from its receipt number. */
  public Object claims(String caseRef, String claimsJson) {
    try {
      JsonNode rows = JSON.readTree(claimsJson);
      for (JsonNode row : rows) {
        ((ObjectNode) row).put("receiptDocument", receipt(caseRef, row.get("receiptReference").asText()));
      }
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The same for claims built as a Camunda JSON value. */
  public Object claims(String caseRef, Object claimsValue) {
    return claims(caseRef, claimsValue instanceof org.camunda.spin.plugin.variable.value.JsonValue value
        ? value.getValueSerialized() : claimsValue.toString());
  }
}
