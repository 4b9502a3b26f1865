package dk.preparedreturn.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake API and the case API over HTTP, as the systems of the police and the organisations call them. */
class CaseApiIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Api-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    user("api-politi", "politi");
    user("api-cmm", "cmm");
    user("api-partner-th", "partner-th");
    user("api-ledelse", "ledelse");
    user("api-hjs", "hjemrejsestyrelsen");
  }

  void user(String id, String group) {
    TestUsers.ensure(engine.getIdentityService(), id, group, PASSWORD);
  }

  String referral(String reference, String overrides) {
    String base = """
        {"referrerReference": "%s", "referringOrganisation": "politi", "residenceStatus": "NO_LAWFUL_RESIDENCE",
         "countryOfReturn": "NG", "referralDate": "%s",
         "person": {"fullName": "Fiktiv Apiperson", "dateOfBirth": "1996-02-03", "nationality": "NG",
                    "gender": "FEMALE", "exploitationType": "SEXUAL", "hasChildren": true, "numberOfChildren": 2}}
        """.formatted(reference, LocalDate.now());
    return overrides == null ? base : overrides;
  }

  HttpResponse<String> post(String path, String user, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user) {
    return TestUsers.basicAuth(user, PASSWORD);
  }

  long cases() {
    return jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
  }

  @Test
  void aReferralCreatesOneCaseAndOneJourneyAndARepeatReturnsTheSameCase() throws Exception {
    String reference = "POL-" + UUID.randomUUID();
    HttpResponse<String> created = post("/api/referrals", "api-politi", referral(reference, null));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseRef = json.readTree(created.body()).get("caseRef").asText();
    assertThat(caseRef).matches("FH-\\d{4}-[2-9A-HJKMNP-Z]{6}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseRef);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariables(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseRef).processDefinitionKey("PreparedReturn").singleResult().getId()).toString())
        .as("no personal data in process variables").doesNotContain("Apiperson").doesNotContain("1996-02-03")
        .doesNotContain("SEXUAL");

    HttpResponse<String> repeated = post("/api/referrals", "api-politi", referral(reference, null));
    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(json.readTree(repeated.body()).get("caseRef").asText()).isEqualTo(caseRef);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").count()).as("no second journey").isEqualTo(1);

    String changed = referral(reference, null).replace("\"NG\", \"referralDate\"", "\"TH\", \"referralDate\"");
    HttpResponse<String> conflict = post("/api/referrals", "api-politi", changed);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json.readTree(conflict.body()).get("caseRef").asText()).isEqualTo(caseRef);
  }

  List<String> badFields(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    List<String> fields = new ArrayList<>();
    json.readTree(response.body()).get("errors").forEach(e -> {
      assertThat(e.get("message").asText()).isNotBlank();
      fields.add(e.get("field").asText());
    });
    return fields.stream().distinct().toList();
  }

  @Test
  void aTaskFormSubmittedPastTasklistIsCheckedLikeTheFormAnd400NamesTheField() throws Exception {
    HttpResponse<String> created = post("/api/referrals", "api-politi", referral("POL-" + UUID.randomUUID(), null));
    String caseRef = json.readTree(created.body()).get("caseRef").asText();
    var screening = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey("Task_ScreenReferral").singleResult();

    HttpResponse<String> bypassed = post("/engine-rest/task/" + screening.getId() + "/submit-form", "api-cmm", """
        {"variables": {"screeningResult": {"value": "INDICATORS_FOUND"}, "consentRecorded": {"value": "maybe"}}}""");
    assertThat(bypassed.statusCode()).as(bypassed.body()).isEqualTo(400);
    assertThat(json.readTree(bypassed.body()).get("message").asText())
        .contains("Personen har givet samtykke til, at oplysningerne videregives til den identificerende myndighed: skal være ja eller nej");
    HttpResponse<String> empty = post("/engine-rest/task/" + screening.getId() + "/complete", "api-cmm", "{}");
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).get("message").asText()).contains("Resultat af screeningen: skal udfyldes");

    assertThat(engine.getTaskService().createTaskQuery().taskId(screening.getId()).count()).as("still open").isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(screening.getProcessInstanceId(), "consentRecorded"))
        .as("nothing of the refused submissions kept").isNull();
  }

  @Test
  void badInputIsRefusedNamingEveryBadFieldAndCreatesNothing() throws Exception {
    long before = cases();
    String bad = """
        {"referrerReference": "", "referringOrganisation": "politi", "residenceStatus": "NO_LAWFUL_RESIDENCE",
         "countryOfReturn": "XX", "referralDate": "2999-01-01",
         "person": {"fullName": "", "gender": "F", "numberOfChildren": -1}}
        """;
    HttpResponse<String> response = post("/api/referrals", "api-politi", bad);
    assertThat(badFields(response)).containsExactlyInAnyOrder("referrerReference", "countryOfReturn", "referralDate",
        "person.fullName", "person.gender", "person.numberOfChildren");
    assertThat(response.body()).as("no submitted values echoed").doesNotContain("2999");

    // malformed date, unknown enum value, wrong types and an unknown field, all in one request: each
    // is named with its path as sent, together with the fields that break a rule
    String everything = """
        {"referrerReference": "POL-MANY", "referringOrganisation": "politi", "residenceStatus": "TOURIST",
         "countryOfReturn": "ZZ", "referralDate": "03/02/2026", "sneaky": {"a": [1, 2]},
         "person": {"fullName": "", "dateOfBirth": "1999-02-30", "nationality": "QX", "gender": "FEMALE",
                    "exploitationType": "SEXUAL", "hasChildren": "maybe", "numberOfChildren": "two"}}
        """;
    HttpResponse<String> many = post("/api/referrals", "api-politi", everything);
    assertThat(badFields(many)).containsExactlyInAnyOrder("residenceStatus", "countryOfReturn", "referralDate",
        "sneaky", "person.fullName", "person.dateOfBirth", "person.nationality", "person.hasChildren",
        "person.numberOfChildren");
    JsonNode errors = json.readTree(many.body()).get("errors");
    errors.forEach(e -> {
      if (e.get("field").asText().equals("residenceStatus")) {
        assertThat(e.get("message").asText()).contains("NO_LAWFUL_RESIDENCE", "EU_CITIZEN");
      }
      if (e.get("field").asText().equals("person.dateOfBirth")) {
        assertThat(e.get("message").asText()).contains("yyyy-mm-dd");
      }
    });
    assertThat(many.body()).as("no submitted values echoed").doesNotContain("TOURIST", "03/02/2026", "1999-02-30",
        "maybe", "two\"");

    HttpResponse<String> badDate = post("/api/referrals", "api-politi",
        referral("POL-X", null).replace(LocalDate.now().toString(), "03/02/2026"));
    assertThat(badFields(badDate)).containsExactly("referralDate");
    HttpResponse<String> badEnum = post("/api/referrals", "api-politi",
        referral("POL-Y", null).replace("NO_LAWFUL_RESIDENCE", "TOURIST"));
    assertThat(badFields(badEnum)).containsExactly("residenceStatus");
    HttpResponse<String> unknown = post("/api/referrals", "api-politi",
        referral("POL-Z", null).replace("\"referralDate\"", "\"sneaky\": 1, \"referralDate\""));
    assertThat(badFields(unknown)).containsExactly("sneaky");
    assertThat(badFields(post("/api/referrals", "api-politi", "{not json"))).containsExactly("body");
    assertThat(badFields(post("/api/referrals", "api-politi", "[1, 2]"))).containsExactly("body");
    assertThat(cases()).as("nothing created").isEqualTo(before);
  }

  @Test
  void aBadEventNamesEveryBadField() throws Exception {
    String reference = "POL-" + UUID.randomUUID();
    String caseRef = json.readTree(post("/api/referrals", "api-politi", referral(reference, null)).body())
        .get("caseRef").asText();
    HttpResponse<String> response = post("/api/cases/" + caseRef + "/events", "api-politi",
        "{\"event\": \"HOLIDAY\", \"eventDate\": \"yesterday\", \"newDate\": \"soon\"}");
    assertThat(badFields(response)).containsExactlyInAnyOrder("event", "eventDate", "newDate");
  }

  @Test
  void onlyAuthenticatedMembersOfTheReferringOrganisationMayRefer() throws Exception {
    long before = cases();
    assertThat(post("/api/referrals", null, referral("POL-A", null)).statusCode()).isEqualTo(401);
    assertThat(post("/api/referrals", "api-cmm", referral("POL-B", null)).statusCode()).isEqualTo(403);
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aCaseShowsEachOrganisationOnlyWhatItNeedsAndEveryPersonReadIsAudited() throws Exception {
    String caseRef = json.readTree(post("/api/referrals", "api-politi",
        referral("POL-" + UUID.randomUUID(), null)).body()).get("caseRef").asText();

    JsonNode byPolice = json.readTree(get("/api/cases/" + caseRef, "api-politi").body());
    assertThat(byPolice.get("person").get("fullName").asText()).isEqualTo("Fiktiv Apiperson");
    assertThat(byPolice.get("person").has("exploitationType")).isTrue();
    assertThat(byPolice.get("person").has("numberOfChildren")).as("not the police's business").isFalse();

    JsonNode byManager = json.readTree(get("/api/cases/" + caseRef, "api-ledelse").body());
    assertThat(byManager.get("phase").asText()).isEqualTo("IDENTIFICATION");
    assertThat(byManager.has("person")).as("managers see no person data").isFalse();

    HttpResponse<String> foreign = get("/api/cases/" + caseRef, "api-partner-th");
    HttpResponse<String> unknown = get("/api/cases/FH-2000-00000", "api-partner-th");
    assertThat(foreign.statusCode()).as("another country's partner: as if the case did not exist").isEqualTo(404);
    assertThat(foreign.body().replace(caseRef, "REF")).isEqualTo(unknown.body().replace("FH-2000-00000", "REF"));
    assertThat(get("/api/cases/" + caseRef, "api-hjs").statusCode()).as("not taking part yet").isEqualTo(404);
    assertThat(get("/api/cases/" + caseRef, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/cases/FH-2000-00000", "api-politi").statusCode()).isEqualTo(404);

    List<String> audit = jdbc.sql("SELECT user_id || ':' || action || ':' || coalesce(fields, '') FROM audit_log"
        + " WHERE case_ref = ? ORDER BY id").param(caseRef).query(String.class).list();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0)).startsWith("api-politi:PERSON_CREATED:");
    assertThat(audit.get(1)).isEqualTo("api-politi:PERSON_READ:fullName,dateOfBirth,nationality,exploitationType");
  }

  @Test
  void theDeadlineCalendarListsTheCasesDatesWithTheirSources() throws Exception {
    String caseRef = json.readTree(post("/api/referrals", "api-politi",
        referral("POL-" + UUID.randomUUID(), null)).body()).get("caseRef").asText();
    JsonNode calendar = json.readTree(get("/api/cases/" + caseRef + "/deadlines", "api-politi").body());
    JsonNode first = calendar.get("deadlines").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("IDENTIFICATION_DECISION");
    assertThat(first.get("date").asText()).isEqualTo(LocalDate.now().plusDays(14).toString());
    assertThat(first.get("source").asText()).isEqualTo("LeadTimes.identificationDays");
  }

  @Test
  void theDeadlinePageIsForTheOrganisationsOfTheCaseInTheirLanguage() throws Exception {
    String caseRef = json.readTree(post("/api/referrals", "api-politi",
        referral("POL-" + UUID.randomUUID(), null)).body()).get("caseRef").asText();
    HttpResponse<String> page = get("/app/cases/" + caseRef + "/deadlines", "api-politi");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<html lang=\"da\">", "Frister i sag " + caseRef, "Afgørelse om offerstatus",
        "14 dage efter henvisningen", "href=\"/app/cases/" + caseRef + "\"", "href=\"/camunda/app/tasklist/\"")
        .doesNotContain("Apiperson", "LeadTimes");
    assertThat(get("/app/cases/" + caseRef + "/deadlines", "api-partner-th").statusCode())
        .as("a partner abroad that does not take part").isEqualTo(404);
    assertThat(get("/app/cases/" + caseRef + "/deadlines", null).statusCode()).isEqualTo(401);
    assertThat(get("/app/cases/FH-1999-99999/deadlines", "api-politi").statusCode()).isEqualTo(404);
  }

  @Test
  void otherErrorsAreProblemsToo() throws Exception {
    HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/referrals")).header("Authorization", basic("api-politi"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    // errors outside the API (here the webapps' own API without a session) get a page, not a stack trace
    HttpResponse<String> html = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/task"))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(html.statusCode()).isEqualTo(401);
    assertThat(html.body()).contains("Siden kan ikke vises", "Page not available").doesNotContain("Exception");
  }
}
