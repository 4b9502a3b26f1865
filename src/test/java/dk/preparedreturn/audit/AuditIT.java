package dk.preparedreturn.audit;

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
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access log for a data subject's request (GDPR art. 15) and the engine's user operation log,
 * over HTTP on PostgreSQL.
 */
class AuditIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Audit-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.ensure(engine.getIdentityService(), "aud-politi", "politi", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "aud-cmm", "cmm", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "aud-ledelse", "ledelse", PASSWORD);
  }

  HttpResponse<String> send(String method, String path, String user, String password, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", TestUsers.basicAuth(user, password));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String refer(String name, LocalDate birth) throws Exception {
    HttpResponse<String> created = send("POST", "/api/referrals", "aud-politi", PASSWORD, """
        {"referrerReference": "AUD-%s", "referringOrganisation": "politi", "residenceStatus": "NO_LAWFUL_RESIDENCE",
         "countryOfReturn": "NG", "referralDate": "%s",
         "person": {"fullName": "%s", "dateOfBirth": "%s", "nationality": "NG", "gender": "FEMALE"}}
        """.formatted(UUID.randomUUID(), LocalDate.now(), name, birth));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("caseRef").asText();
  }

  HttpResponse<String> dataSubject(String user, String password, String name, LocalDate birth) throws Exception {
    return send("POST", "/api/audit/data-subject", user, password,
        "{\"fullName\": \"" + name + "\", \"dateOfBirth\": \"" + birth + "\"}");
  }

  @Test
  void aDataSubjectGetsTheReadsOfTheirCasesAndNothingOfOthers() throws Exception {
    String name = "Fiktiv Auditperson " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate birth = LocalDate.of(1993, 6, 14);
    String first = refer(name, birth);
    String second = refer(name, birth);
    String other = refer("Fiktiv Andenperson " + UUID.randomUUID().toString().substring(0, 8), birth);
    // reads: the police read the first case and the other person's case, CMM (screening) the second
    assertThat(send("GET", "/api/cases/" + first, "aud-politi", PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/cases/" + other, "aud-politi", PASSWORD, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/cases/" + second, "aud-cmm", PASSWORD, null).statusCode()).isEqualTo(200);

    HttpResponse<String> response = dataSubject(ADMIN, ADMIN_PASSWORD, "  " + name.toUpperCase() + " ", birth);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    List<String> cases = new ArrayList<>();
    body.get("cases").forEach(c -> cases.add(c.asText()));
    assertThat(cases).as("both cases of the person, found by name (any case, spaces) and date of birth")
        .containsExactlyInAnyOrder(first, second);
    List<String> entries = new ArrayList<>();
    body.get("entries").forEach(e -> entries.add(e.get("caseRef").asText() + " " + e.get("userId").asText() + " "
        + e.get("action").asText() + " " + e.get("fields").asText()));
    assertThat(entries).containsExactlyInAnyOrder(
        first + " aud-politi PERSON_CREATED fullName,dateOfBirth,nationality,gender,exploitationType,hasChildren,"
            + "numberOfChildren,preferredLanguage",
        second + " aud-politi PERSON_CREATED fullName,dateOfBirth,nationality,gender,exploitationType,hasChildren,"
            + "numberOfChildren,preferredLanguage",
        first + " aud-politi PERSON_READ fullName,dateOfBirth,nationality",
        second + " aud-cmm PERSON_READ fullName,dateOfBirth,gender,nationality");
    assertThat(response.body()).as("nothing of the other person").doesNotContain(other).doesNotContain("Andenperson");
    body.get("entries").forEach(e -> assertThat(e.get("occurredAt").asText()).isNotBlank());

    // the answer is itself a read of the access log, logged for the next request
    JsonNode again = json.readTree(dataSubject(ADMIN, ADMIN_PASSWORD, name, birth).body());
    List<String> lookups = new ArrayList<>();
    again.get("entries").forEach(e -> {
      if (e.get("fields").asText().equals("accessLog")) {
        lookups.add(e.get("caseRef").asText() + " " + e.get("userId").asText());
      }
    });
    assertThat(lookups).containsExactlyInAnyOrder(first + " " + ADMIN, second + " " + ADMIN);

    assertThat(json.readTree(dataSubject(ADMIN, ADMIN_PASSWORD, name, birth.plusDays(1)).body()).get("cases"))
        .as("another date of birth: another person").isEmpty();
  }

  @Test
  void theDataSubjectQueryIsForAdministratorsAndNamesBadFields() throws Exception {
    LocalDate birth = LocalDate.of(1993, 6, 14);
    assertThat(dataSubject("aud-ledelse", PASSWORD, "Fiktiv", birth).statusCode()).isEqualTo(403);
    assertThat(dataSubject("aud-cmm", PASSWORD, "Fiktiv", birth).statusCode()).isEqualTo(403);
    assertThat(dataSubject(null, null, "Fiktiv", birth).statusCode()).isEqualTo(401);
    HttpResponse<String> bad = send("POST", "/api/audit/data-subject", ADMIN, ADMIN_PASSWORD,
        "{\"fullName\": \"\", \"dateOfBirth\": \"14.06.1993\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json.readTree(bad.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("fullName", "dateOfBirth");
  }

  @Test
  void aCaseworkersTaskCompletionIsInTheUserOperationLog() throws Exception {
    String caseRef = refer("Fiktiv Oplogperson", LocalDate.of(1990, 1, 2));
    Task screening = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey("Task_ScreenReferral").singleResult();
    // as Tasklist does it: the caseworker submits the task form through the engine's REST API
    HttpResponse<String> submitted = send("POST", "/engine-rest/task/" + screening.getId() + "/submit-form",
        "aud-cmm", PASSWORD, "{\"variables\": {\"screeningResult\": {\"value\": \"INDICATORS_FOUND\"}, \"consentRecorded\": {\"value\": true}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

    List<UserOperationLogEntry> log = engine.getHistoryService().createUserOperationLogQuery()
        .taskId(screening.getId()).list();
    assertThat(log).as("who completed which task of which case, and when")
        .anySatisfy(entry -> {
          assertThat(entry.getUserId()).isEqualTo("aud-cmm");
          assertThat(entry.getOperationType()).isEqualTo(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
          assertThat(entry.getEntityType()).isEqualTo(EntityTypes.TASK);
          assertThat(entry.getProcessInstanceId()).isEqualTo(screening.getProcessInstanceId());
          assertThat(entry.getTimestamp()).isNotNull();
        });
    // only operations of signed-in users (the service's steps without a user are not in it)
    assertThat(engine.getHistoryService().createUserOperationLogQuery()
        .processInstanceId(screening.getProcessInstanceId()).list())
        .isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isNotNull());

    // and administrators read it through the REST API (Cockpit shows the same)
    HttpResponse<String> viaRest = send("GET", "/engine-rest/history/user-operation?maxResults=100&taskId="
        + screening.getId(), ADMIN, ADMIN_PASSWORD, null);
    assertThat(viaRest.statusCode()).isEqualTo(200);
    assertThat(viaRest.body()).contains("\"userId\":\"aud-cmm\"", "\"operationType\":\"Complete\"");
  }
}
