package dk.preparedreturn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.reintegration.ReintegrationProcess;
import dk.preparedreturn.testsupport.Attacks;
import dk.preparedreturn.testsupport.DatabaseSnapshot;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import dk.preparedreturn.testsupport.WebappSession;
import dk.preparedreturn.testsupport.WebappsEngine;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents of a case against hostile users, on PostgreSQL, in the style of {@code HostileUsersIT}:
 * each attack (a file that only pretends to be a PDF or an image, an oversize file, path tricks in the
 * file name, a kind the organisation may not upload, another case's document in a reimbursement claim,
 * a download or upload by an organisation that does not take part, a travel document asked for by the
 * partner) asserts the refusal and that nothing changed in any table; beside them the legitimate upload,
 * list, download (headers included), the claim with its receipt and DRC's review work, each upload and
 * download in the access log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Documents-Test-Passw0rd!";
  static final Set<String> BACKGROUND = Set.of("notification", "act_ru_meter_log");
  static final Set<String> COUNT_ONLY = Set.of("act_id_user", "databasechangeloglock");
  static final String BOUNDARY = "----documents" + UUID.randomUUID();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  Journey nigeria;
  Journey thailand;
  /** Documents created by the legitimate steps, by name. */
  final Map<String, String> ids = new HashMap<>();

  @BeforeEach
  void cases() {
    WebappsEngine.use(engine);
    if (nigeria != null) {
      return;
    }
    TestUsers.ensure(engine.getIdentityService());
    Map<String, String> users = Map.of("dc-ng", "partner-ng", "dc-th", "partner-th", "dc-hjs", "hjemrejsestyrelsen",
        "dc-cmm", "cmm", "dc-drc", "drc", "dc-mgr", "ledelse", "dc-us", "udlaendingestyrelsen");
    users.forEach((user, group) -> TestUsers.ensure(engine.getIdentityService(), user, group, PASSWORD));
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(10);
      Journey.clockAt(t0.minusDays(2));
      nigeria = Journey.start(engine, referrals, Journey.referral("DC-NG-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      thailand = Journey.start(engine, referrals, Journey.referral("DC-TH-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH", t0.minusDays(2)));
      nigeria.identify(t0);
      thailand.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      nigeria.acceptOffer().executeDueJobs();
      thailand.acceptOffer().executeDueJobs();
    } finally {
      ClockUtil.reset();
    }
    claimsMonth(nigeria);
  }

  /** Month 7 of the support (reimbursement against documentation) running for the case, its claims task open. */
  void claimsMonth(Journey j) {
    LocalDate arrival = LocalDate.now(Journey.ZONE).minusMonths(6).minusDays(2);
    Map<String, Object> variables = new HashMap<>();
    engine.getDecisionService().evaluateDecisionByKey("LeadTimes")
        .variables(Journey.vars(CaseVariables.PERIOD_TYPE.name(), "REFLECTION")).evaluate().getResultList()
        .forEach(row -> variables.put((String) row.get("leadTime"), row.get("days")));
    variables.putAll(Journey.vars(CaseVariables.CASE_REF.name(), j.caseRef(), CaseVariables.PARTNER_GROUP.name(),
        "partner-ng", CaseVariables.ARRIVAL_DATE.name(), arrival.toString(), CaseVariables.CHILD_SUPPORT.name(), false,
        ReintegrationProcess.SUPPORT_MONTH.name(), 7));
    engine.getRuntimeService().createProcessInstanceByKey(ReintegrationProcess.SUPPORT_MONTH_KEY)
        .businessKey(j.caseRef()).setVariables(variables).execute();
    j.executeDueJobs();
    assertThat(j.hasTask(ReintegrationProcess.TASK_SUBMIT_CLAIMS)).isTrue();
  }

  @TestFactory
  Stream<DynamicTest> attacksAndTheLegitimateActionsBesideThem() {
    List<DynamicTest> steps = new ArrayList<>();
    uploads(steps);
    reads(steps);
    claims(steps);
    page(steps);
    return steps.stream();
  }

  // ----------------------------------------------------------------------------------- uploads

  void uploads(List<DynamicTest> steps) {
    String ng = "/api/cases/" + nigeria.caseRef() + "/documents";
    steps.add(Attacks.legitimate("the partner uploads a receipt (PDF) through the API", () -> {
      long logged = accessLog(nigeria, "DOCUMENT_UPLOADED");
      HttpResponse<String> response = upload("dc-ng", ng, "RECEIPT", "rent-receipt-march.pdf", "application/pdf",
          TestFiles.pdf());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      JsonNode created = json.readTree(response.body());
      String id = created.get("id").asText();
      assertThat(id).matches(Documents.REFERENCE_PATTERN);
      assertThat(created.get("contentType").asText()).isEqualTo("application/pdf");
      assertThat(created.get("fileName").asText()).isEqualTo("rent-receipt-march.pdf");
      assertThat(response.headers().firstValue("Location")).hasValue(ng + "/" + id);
      assertThat(accessLog(nigeria, "DOCUMENT_UPLOADED")).isEqualTo(logged + 1);
      assertThat(jdbc.sql("SELECT fields FROM audit_log WHERE case_ref = ? AND action = 'DOCUMENT_UPLOADED'"
          + " ORDER BY id DESC").param(nigeria.caseRef()).query(String.class).list().get(0)).isEqualTo(id + ",RECEIPT");
      ids.put("receipt", id);
    }));
    steps.add(Attacks.legitimate("the partner uploads a second receipt as a photo (JPEG) labelled as octet-stream", () -> {
      HttpResponse<String> response = upload("dc-ng", ng, "RECEIPT", "IMG_2041.JPG", "application/octet-stream",
          TestFiles.jpeg());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      assertThat(json.readTree(response.body()).get("contentType").asText()).as("from the bytes").isEqualTo("image/jpeg");
      ids.put("photo", json.readTree(response.body()).get("id").asText());
    }));
    steps.add(Attacks.legitimate("Hjemrejsestyrelsen uploads a copy of the travel document (PNG)", () -> {
      HttpResponse<String> response = upload("dc-hjs", ng, "TRAVEL_DOCUMENT", "passport.png", "image/png",
          TestFiles.png());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      ids.put("travel", json.readTree(response.body()).get("id").asText());
    }));
    steps.add(Attacks.legitimate("the Thai partner uploads a receipt in its own case", () -> {
      HttpResponse<String> response = upload("dc-th", "/api/cases/" + thailand.caseRef() + "/documents", "RECEIPT",
          "receipt.pdf", "application/pdf", TestFiles.pdf());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      ids.put("thai", json.readTree(response.body()).get("id").asText());
    }));
    steps.add(attacks.refused("a web page with a script, sent as application/pdf named receipt.pdf", 400, () ->
        upload("dc-ng", ng, "RECEIPT", "receipt.pdf", "application/pdf", TestFiles.htmlDisguisedAsPdf()),
        body -> assertThat(body).contains("\"field\":\"file\"", "only PDF, JPEG and PNG")));
    steps.add(attacks.refused("a program renamed to .jpg, in Danish for Hjemrejsestyrelsen", 400, () ->
        upload("dc-hjs", ng, "TRAVEL_DOCUMENT", "pas.jpg", "image/jpeg", TestFiles.programDisguisedAsJpeg()),
        body -> assertThat(body).contains("\"field\":\"file\"", "kun PDF-, JPEG- og PNG-filer")));
    steps.add(attacks.refused("a PNG signature followed by a script", 400, () ->
        upload("dc-ng", ng, "RECEIPT", "r.png", "image/png", TestFiles.pngSignatureThenScript()),
        body -> assertThat(body).contains("\"field\":\"file\"")));
    steps.add(attacks.refused("a PDF one byte over the 10 MB limit", 400, () ->
        upload("dc-ng", ng, "RECEIPT", "big.pdf", "application/pdf", TestFiles.pdfOfSize(10 * 1024 * 1024 + 1)),
        body -> assertThat(body).contains("\"field\":\"file\"", "larger than 10 MB")));
    steps.add(attacks.refused("an empty file", 400, () ->
        upload("dc-ng", ng, "RECEIPT", "empty.pdf", "application/pdf", new byte[0]),
        body -> assertThat(body).contains("\"field\":\"file\"")));
    for (String name : List.of("../../../etc/passwd.pdf", "..\\..\\windows\\receipt.pdf", "/tmp/receipt.pdf",
        "receipt\t.pdf", "<img src=x onerror=alert(1)>.pdf", "a".repeat(200) + ".pdf",
        "receipt\u202Efdp.exe")) {
      steps.add(attacks.refused("path tricks in the file name: " + name.substring(0, Math.min(30, name.length()))
          .replaceAll("\\p{Cntrl}", "?"), 400, () -> upload("dc-ng", ng, "RECEIPT", name, "application/pdf",
          TestFiles.pdf()), body -> assertThat(body).contains("\"field\":\"file\"", "file name")));
    }
    steps.add(attacks.refused("the partner uploads a travel document (Hjemrejsestyrelsen's kind)", 400, () ->
        upload("dc-ng", ng, "TRAVEL_DOCUMENT", "passport.pdf", "application/pdf", TestFiles.pdf()),
        body -> assertThat(body).contains("\"field\":\"kind\"")));
    steps.add(attacks.refused("an unknown kind", 400, () ->
        upload("dc-ng", ng, "../RECEIPT", "r.pdf", "application/pdf", TestFiles.pdf()),
        body -> assertThat(body).contains("\"field\":\"kind\"")));
    steps.add(attacks.refused("the Thai partner uploads into the Nigerian case", 404, () ->
        upload("dc-th", ng, "RECEIPT", "r.pdf", "application/pdf", TestFiles.pdf())));
    steps.add(attacks.refused("a manager uploads (managers see cases, not their documents)", 404, () ->
        upload("dc-mgr", ng, "RECEIPT", "r.pdf", "application/pdf", TestFiles.pdf())));
  }

  // ------------------------------------------------------------------------------------- reads

  void reads(List<DynamicTest> steps) {
    String ng = "/api/cases/" + nigeria.caseRef() + "/documents";
    steps.add(Attacks.legitimate("the partner lists the receipts with its own file names, not the travel document", () -> {
      JsonNode list = json.readTree(get("dc-ng", ng).body());
      List<String> listed = new ArrayList<>();
      list.get("documents").forEach(d -> listed.add(d.get("id").asText()));
      assertThat(listed).containsExactly(ids.get("receipt"), ids.get("photo"));
      assertThat(list.get("documents").get(0).get("fileName").asText()).isEqualTo("rent-receipt-march.pdf");
      assertThat(list.get("uploadableKinds").toString()).contains("RECEIPT").doesNotContain("TRAVEL_DOCUMENT");
    }));
    steps.add(Attacks.legitimate("CMM lists every document, without the other organisations' file names", () -> {
      String body = get("dc-cmm", ng).body();
      assertThat(body).contains(ids.get("receipt"), ids.get("photo"), ids.get("travel"),
          "receipt-" + ids.get("receipt") + ".pdf").doesNotContain("rent-receipt-march", "passport.png");
    }));
    steps.add(Attacks.legitimate("the partner downloads its receipt: the bytes, as an attachment, the sniffed type", () -> {
      long logged = accessLog(nigeria, "DOCUMENT_READ");
      HttpResponse<byte[]> response = download("dc-ng", ng + "/" + ids.get("photo"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(TestFiles.jpeg());
      assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(response.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"receipt-" + ids.get("photo") + ".jpg\"");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(accessLog(nigeria, "DOCUMENT_READ")).isEqualTo(logged + 1);
    }));
    steps.add(Attacks.legitimate("the police reads the travel document (nationality is theirs to see)", () -> {
      // the police referred the case and takes part in it
      TestUsers.ensure(engine.getIdentityService(), "dc-pol", "politi", PASSWORD);
      HttpResponse<byte[]> response = download("dc-pol", ng + "/" + ids.get("travel"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }));
    steps.add(attacks.refused("the partner downloads the copy of the passport (not the partner's to see)", 404, () ->
        string(download("dc-ng", ng + "/" + ids.get("travel"))),
        body -> assertThat(body.replace(ids.get("travel"), "X"))
            .isEqualTo(string(download("dc-ng", ng + "/D-00000000")).body().replace("D-00000000", "X"))));
    steps.add(attacks.refused("DRC downloads the copy of the passport", 404, () ->
        string(download("dc-drc", ng + "/" + ids.get("travel")))));
    steps.add(attacks.refused("the Thai partner downloads a Nigerian receipt: the same answer as an unknown case", 404, () ->
        string(download("dc-th", ng + "/" + ids.get("receipt"))), body -> assertThat(body.replace(nigeria.caseRef(), "X"))
        .isEqualTo(string(download("dc-th", "/api/cases/FH-2026-ZZZZZZ/documents/" + ids.get("receipt"))).body()
            .replace("FH-2026-ZZZZZZ", "X"))));
    steps.add(attacks.refused("the Thai partner asks for a Nigerian receipt through its own case", 404, () ->
        string(download("dc-th", "/api/cases/" + thailand.caseRef() + "/documents/" + ids.get("receipt")))));
    steps.add(attacks.refused("the Thai partner walks from its own case to the Nigerian receipt with ../", 404, () ->
        string(download("dc-th", "/api/cases/" + thailand.caseRef() + "/documents/../../" + nigeria.caseRef()
            + "/documents/" + ids.get("receipt")))));
    steps.add(attacks.refused("the Thai partner lists the Nigerian case's documents", 404, () -> get("dc-th", ng)));
    steps.add(attacks.refused("a manager lists the case's documents", 404, () -> get("dc-mgr", ng)));
    steps.add(attacks.refused("Udlændingestyrelsen, not taking part, downloads the receipt", 404, () ->
        string(download("dc-us", ng + "/" + ids.get("receipt")))));
  }

  // ------------------------------------------------------------------------------------ claims

  void claims(List<DynamicTest> steps) {
    steps.add(attacks.refused("the partner claims with the Thai case's receipt", 400, () ->
        submitClaims("[" + claim(ids.get("thai")) + "]"),
        body -> assertThat(body).contains("not a receipt uploaded in this case"),
        () -> assertThat(nigeria.hasTask(ReintegrationProcess.TASK_SUBMIT_CLAIMS)).isTrue()));
    steps.add(attacks.refused("the partner claims with the copy of the passport as receipt", 400, () ->
        submitClaims("[" + claim(ids.get("travel")) + "]"),
        body -> assertThat(body).contains("not a receipt uploaded in this case")));
    steps.add(attacks.refused("the partner claims one receipt twice in one submission", 400, () ->
        submitClaims("[" + claim(ids.get("receipt")) + "," + claim(ids.get("receipt")) + "]"),
        body -> assertThat(body).contains("already been used")));
    steps.add(attacks.refused("the partner claims with a made-up reference", 400, () ->
        submitClaims("[" + claim("<script>") + "]")));
    steps.add(Attacks.legitimate("the partner claims with its receipt; DRC reviews it and sees the reference", () -> {
      HttpResponse<String> response = submitClaims("[" + claim(ids.get("receipt")) + "]");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(jdbc.sql("SELECT claim_month FROM case_document WHERE id = ?").param(ids.get("receipt"))
          .query(Integer.class).single()).isEqualTo(7);
      var review = nigeria.task(ReintegrationProcess.TASK_REVIEW_CLAIMS);
      assertThat(engine.getTaskService().getVariable(review.getId(), "claims").toString()).contains(ids.get("receipt"));
      String decided = claim(ids.get("receipt")).replace("}", ",\"decision\":\"APPROVED\"}");
      HttpResponse<String> reviewed = post("dc-drc", "/engine-rest/task/" + review.getId() + "/submit-form",
          json.writeValueAsString(Map.of("variables", Map.of("claims", Map.of("value", "[" + decided + "]",
              "type", "Json")))));
      assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
      String drcPage = WebappSession.login(port, "dc-drc", PASSWORD, "tasklist").get("/app/cases/" + nigeria.caseRef())
          .body();
      assertThat(drcPage).contains("id=\"documents\"", ids.get("receipt"), "Måned 7", "Kvittering")
          .doesNotContain("rent-receipt-march", ids.get("travel"));
    }));
  }

  // -------------------------------------------------------------------------------------- page

  void page(List<DynamicTest> steps) {
    String page = "/app/cases/" + nigeria.caseRef();
    WebappSession[] partner = new WebappSession[1];
    String[] token = new String[1];
    steps.add(Attacks.legitimate("the partner opens the case page: documents with download links and the upload form", () -> {
      partner[0] = WebappSession.login(port, "dc-ng", PASSWORD, "tasklist");
      String before = partner[0].get(page).body();
      token[0] = token(before);
      assertThat(before).contains("id=\"documents\"", "Upload a document", "Receipt", "Download",
          "rent-receipt-march.pdf", "href=\"/api/cases/" + nigeria.caseRef() + "/documents/" + ids.get("receipt") + "\"",
          "enctype=\"multipart/form-data\"").doesNotContain("Copy of travel document", "passport.png", ids.get("travel"));
    }));
    steps.add(attacks.refused("an upload from the case page without the session's token", 401, () ->
        pageUpload(partner[0], page + "/documents", null, "receipt.pdf", TestFiles.pdf(), partner[0].origin())));
    steps.add(attacks.refused("an upload from the case page posted by another site", 401, () ->
        pageUpload(partner[0], page + "/documents", token[0], "receipt.pdf", TestFiles.pdf(), "http://evil.example")));
    steps.add(DynamicTest.dynamicTest("refused: a disguised file from the case page: the page again with the refusal"
        + " at the field, nothing changed but the page's view of the person in the access log", () -> {
      Map<String, String> before = snapshot(Set.of("audit_log"));
      List<String> logged = accessLogActions(nigeria);
      HttpResponse<String> response = pageUpload(partner[0], page + "/documents", token[0], "receipt.pdf",
          TestFiles.htmlDisguisedAsPdf(), partner[0].origin());
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("<html lang=\"en\">", "only PDF, JPEG and PNG", "id=\"documents\"");
      assertThat(snapshot(Set.of("audit_log"))).isEqualTo(before);
      List<String> expected = new ArrayList<>(logged);
      expected.add("PERSON_READ");
      assertThat(accessLogActions(nigeria)).isEqualTo(expected);
    }));
    steps.add(Attacks.legitimate("the partner uploads a progress report from the case page and sees it listed", () -> {
      HttpResponse<String> response = pageUpload(partner[0], page + "/documents", token[0], "report-q1.pdf",
          TestFiles.pdf(), partner[0].origin());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
      String location = response.headers().firstValue("Location").orElseThrow();
      Matcher m = Pattern.compile("uploaded=(" + Documents.REFERENCE_PATTERN + ")#documents$").matcher(location);
      assertThat(m.find()).as(location).isTrue();
      assertThat(partner[0].get(page + "?uploaded=" + m.group(1)).body()).contains("Document " + m.group(1)
          + " has been uploaded", "Progress report", "report-q1.pdf");
      assertThat(jdbc.sql("SELECT kind FROM case_document WHERE id = ?").param(m.group(1)).query(String.class).single())
          .isEqualTo("PROGRESS_REPORT");
    }));
  }

  // ----------------------------------------------------------------------------------- harness


  final Attacks attacks = new Attacks(this::snapshot);

  Map<String, String> snapshot() throws Exception {
    return snapshot(Set.of());
  }

  Map<String, String> snapshot(Set<String> alsoLeftOut) throws Exception {
    Set<String> excluded = new java.util.HashSet<>(BACKGROUND);
    excluded.addAll(alsoLeftOut);
    try (Connection db = TestDatabase.connect()) {
      return DatabaseSnapshot.of(db, COUNT_ONLY, excluded);
    }
  }

  List<String> accessLogActions(Journey j) {
    return jdbc.sql("SELECT action FROM audit_log WHERE case_ref = ? ORDER BY id").param(j.caseRef())
        .query(String.class).list();
  }

  long accessLog(Journey j, String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE case_ref = ? AND action = ?").params(j.caseRef(), action)
        .query(Long.class).single();
  }

  HttpResponse<String> submitClaims(String claims) throws Exception {
    return post("dc-ng", "/engine-rest/task/" + nigeria.task(ReintegrationProcess.TASK_SUBMIT_CLAIMS).getId()
        + "/submit-form", json.writeValueAsString(Map.of("variables", Map.of("claims", Map.of("value", claims,
        "type", "Json")))));
  }

  static String claim(String document) {
    return "{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"R-1\",\"receiptDocument\":\"" + document
        + "\"}";
  }

  HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUsers.basicAuth(user, PASSWORD));
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> download(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<String> string(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return new HttpResponse<>() {
      public int statusCode() {
        return response.statusCode();
      }

      public HttpRequest request() {
        return response.request();
      }

      public java.util.Optional<HttpResponse<String>> previousResponse() {
        return java.util.Optional.empty();
      }

      public java.net.http.HttpHeaders headers() {
        return response.headers();
      }

      public String body() {
        return body;
      }

      public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
        return response.sslSession();
      }

      public URI uri() {
        return response.uri();
      }

      public HttpClient.Version version() {
        return response.version();
      }
    };
  }

  HttpResponse<String> post(String user, String path, String body) throws Exception {
    return http.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(String user, String path, String kind, String fileName, String type, byte[] content)
      throws Exception {
    return http.send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(null, kind, fileName, type, content))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> pageUpload(WebappSession session, String path, String token, String fileName, byte[] content,
      String origin) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(session.origin() + path)).header("Cookie", session.cookie())
        .header("Origin", origin).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token, "PROGRESS_REPORT", fileName, "application/pdf",
            content))).build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] multipart(String token, String kind, String fileName, String type, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    if (token != null) {
      fields.put("_csrf", token);
    }
    fields.put("kind", kind);
    fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static String token(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the form carries the session's token").isTrue();
    return m.group(1);
  }
}
