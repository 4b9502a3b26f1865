package dk.preparedreturn.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Managers' reports, the research export, the audit log for the DPO, and Actuator, over HTTP on PostgreSQL. */
class ReportsIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Reports-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  OperationsMetrics metrics;
  @Autowired
  ApplicationContext context;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    user("rep-ledelse", "ledelse");
    user("rep-cmm", "cmm");
    user("rep-monitor", "monitoring");
    user("rep-admin", "camunda-admin");
  }

  void user(String id, String group) {
    TestUsers.ensure(engine.getIdentityService(), id, group, PASSWORD);
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", TestUsers.basicAuth(user, PASSWORD));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void managersGetTheSummaryAndThePageCaseworkersDoNot() throws Exception {
    HttpResponse<String> summary = get("/api/reports/summary", "rep-ledelse");
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(summary.body());
    assertThat(body.get("casesPerPhase").has("REINTEGRATION")).isTrue();
    assertThat(body.has("offer") && body.has("dropOut") && body.has("month12") && body.has("medianDaysPerPhase")
        && body.has("byCountry") && body.get("deadlines").has("tasksOverdue")).isTrue();
    assertThat(get("/api/reports/summary", "rep-cmm").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/summary", null).statusCode()).isEqualTo(401);

    HttpResponse<String> page = get("/app/reports", "rep-ledelse");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("Sager pr. fase", "Median antal dage pr. fase", "Pr. hjemrejseland",
        "Reintegrationens bæredygtighed");
  }

  @Test
  void theSustainabilityChangePerQuarterIsForManagersOnly() throws Exception {
    HttpResponse<String> quarters = get("/api/reports/sustainability", "rep-ledelse");
    assertThat(quarters.statusCode()).isEqualTo(200);
    assertThat(json.readTree(quarters.body()).isArray()).isTrue();
    assertThat(get("/api/reports/sustainability", "rep-cmm").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/sustainability", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theResearchExportIsCsvWithItsKAndOnlyForManagers() throws Exception {
    HttpResponse<String> csv = get("/api/reports/statistics.csv?k=6", "rep-ledelse");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("X-K-Anonymity")).hasValue("6");
    assertThat(csv.body()).startsWith("cas_IncomingReferralDate,cas_ReferringOrganisation,");
    assertThat(get("/api/reports/statistics.csv", "rep-ledelse").headers().firstValue("X-K-Anonymity"))
        .as("the default").hasValue("5");
    HttpResponse<String> belowTheFloor = get("/api/reports/statistics.csv?k=4", "rep-ledelse");
    assertThat(belowTheFloor.statusCode()).as("below the operator's floor STATISTICS_MIN_K=5").isEqualTo(400);
    assertThat(belowTheFloor.body()).contains("\"field\":\"k\"");
    assertThat(get("/api/reports/statistics.csv?k=1", "rep-ledelse").statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/statistics.csv", "rep-cmm").statusCode()).isEqualTo(403);
  }

  @Test
  void healthIsPublicButMetricsOnlyForMonitoringAndAdministrators() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).as("UP, or DEGRADED without an SMTP server").containsAnyOf("\"status\":\"UP\"", "\"status\":\"DEGRADED\"").doesNotContain("components");
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

    // a node that refuses traffic answers 503, so that a load balancer takes it out of rotation
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      HttpResponse<String> refusing = get("/actuator/health/readiness", null);
      assertThat(refusing.statusCode()).isEqualTo(503);
      assertThat(refusing.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
      assertThat(get("/actuator/health/liveness", null).statusCode()).as("but it is alive").isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

    metrics.refresh();
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "rep-cmm").statusCode()).isEqualTo(403);
    HttpResponse<String> prometheus = get("/actuator/prometheus", "rep-monitor");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("cases{phase=\"REINTEGRATION\"}", "tasks_open{group=\"cmm\"}",
        "tasks_overdue", "incidents_open", "jobs_backlog", "notifications_failed", "notifications_retrying",
        "logins_failed_total", "logins_throttled_total");
    HttpResponse<String> metricsList = get("/actuator/metrics", "rep-admin");
    assertThat(metricsList.statusCode()).as(metricsList.body()).isEqualTo(200);
  }

  @Test
  void healthDetailsAreForMonitoringAndAdministratorsOnly() throws Exception {
    for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
      for (String user : List.of("rep-monitor", "rep-admin")) {
        HttpResponse<String> health = get(path, user);
        assertThat(health.statusCode()).as(path + " as " + user).isEqualTo(200);
        JsonNode components = json.readTree(health.body()).get("components");
        assertThat(components).as(path + " as " + user + ": " + health.body()).isNotNull();
        assertThat(components.has("db") && components.has("jobExecutor") && components.has("mail")).isTrue();
        assertThat(components.get("jobExecutor").get("details").get("enabled").asBoolean())
            .as("the test node runs no jobs").isFalse();
        assertThat(components.get("mail").get("details").has("pending")).isTrue();
      }
      for (String user : Arrays.asList(null, "rep-cmm", "rep-ledelse")) {
        HttpResponse<String> health = get(path, user);
        assertThat(health.statusCode()).as(path + " as " + user).isEqualTo(200);
        JsonNode body = json.readTree(health.body());
        assertThat(body.has("status")).isTrue();
        assertThat(body.has("components") || body.has("details")).as(path + " as " + user + ": " + health.body())
            .isFalse();
      }
    }
    // wrong credentials are refused, not treated as anonymous
    HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/actuator/health")).header("Authorization", TestUsers.basicAuth("rep-monitor", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("components");
  }

  @Test
  void theAccessLogIsForAdministrators() throws Exception {
    assertThat(get("/api/audit/cases/FH-2026-00001", "rep-ledelse").statusCode()).isEqualTo(403);
    assertThat(get("/api/audit/cases/FH-2026-00001", "rep-admin").statusCode()).isEqualTo(200);
  }
}
