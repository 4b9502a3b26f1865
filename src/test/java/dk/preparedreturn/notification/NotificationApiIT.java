package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

/**
 * The outbox for IT operations over HTTP on PostgreSQL, as in production: listing notifications
 * (administrators and monitoring, no content), putting a FAILED one back (administrators; 404 and
 * 409 as problem+json), and no mail catcher (GreenMail) and no mail catcher page outside the
 * embedded default.
 */
class NotificationApiIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Notify-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Outbox outbox;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ApplicationContext context;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void users() {
    TestUsers.ensure(engine.getIdentityService(), "ntf-admin", "camunda-admin", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "ntf-monitor", "monitoring", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "ntf-cmm", "cmm", PASSWORD);
  }

  @Test
  void operationsListTheFailedNotificationsWithoutTheirContent() throws Exception {
    String failed = failedNotification();
    String pending = notification();

    assertThat(get("/api/notifications?status=FAILED", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/notifications?status=FAILED", "ntf-cmm").statusCode()).isEqualTo(403);

    HttpResponse<String> monitoring = get("/api/notifications?status=FAILED&limit=1000", "ntf-monitor");
    assertThat(monitoring.statusCode()).as(monitoring.body()).isEqualTo(200);
    JsonNode list = json.readTree(monitoring.body());
    assertThat(list.isArray()).isTrue();
    assertThat(ids(list)).contains(failed).doesNotContain(pending);
    for (JsonNode n : list) {
      assertThat(n.get("status").asText()).isEqualTo("FAILED");
      assertThat(n.has("subject") || n.has("body")).as("no mail content").isFalse();
      assertThat(n.has("recipients")).as("no addresses for monitoring").isFalse();
    }
    JsonNode entry = find(list, failed);
    assertThat(entry.get("kind").asText()).isEqualTo("TASK_CREATED");
    assertThat(entry.get("caseRef").asText()).isEqualTo("FH-2099-90001");
    assertThat(entry.get("attempts").asInt()).isEqualTo(3);
    assertThat(entry.get("lastError").asText()).isEqualTo("MailSendException");
    assertThat(entry.has("createdAt")).isTrue();

    JsonNode forAdmin = find(json.readTree(get("/api/notifications?status=failed&caseRef=FH-2099-90001",
        "ntf-admin").body()), failed);
    assertThat(forAdmin.get("recipients").get(0).asText()).isEqualTo("ops-test@example.org");
    assertThat(ids(json.readTree(get("/api/notifications?caseRef=FH-2099-90001&limit=1000", "ntf-admin").body())))
        .contains(failed, pending);

    HttpResponse<String> badStatus = get("/api/notifications?status=LOST", "ntf-admin");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(badStatus.body()).get("errors").get(0).get("field").asText()).isEqualTo("status");
    HttpResponse<String> badLimit = get("/api/notifications?limit=0", "ntf-admin");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badLimit.body()).get("errors").get(0).get("field").asText()).isEqualTo("limit");
  }

  @Test
  void anAdministratorPutsAFailedNotificationBack() throws Exception {
    String failed = failedNotification();
    String path = "/api/notifications/" + failed + "/retry";

    assertThat(post(path, null).statusCode()).isEqualTo(401);
    assertThat(post(path, "ntf-monitor").statusCode()).isEqualTo(403);
    assertThat(post(path, "ntf-cmm").statusCode()).isEqualTo(403);
    assertThat(outbox.find(failed).orElseThrow().status()).as("unchanged").isEqualTo(Outbox.Status.FAILED);

    HttpResponse<String> retried = post(path, "ntf-admin");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    JsonNode body = json.readTree(retried.body());
    assertThat(body.get("id").asText()).isEqualTo(failed);
    assertThat(body.get("status").asText()).isEqualTo("PENDING");
    assertThat(body.get("retriedBy").asText()).isEqualTo("ntf-admin");
    Outbox.Entry entry = outbox.find(failed).orElseThrow();
    assertThat(entry.status()).as("back in the queue (the sender may already have tried it)")
        .isEqualTo(Outbox.Status.PENDING);
    assertThat(entry.retriedBy()).isEqualTo("ntf-admin");
    assertThat(ids(json.readTree(get("/api/notifications?status=FAILED&limit=1000", "ntf-admin").body())))
        .doesNotContain(failed);

    HttpResponse<String> again = post(path, "ntf-admin");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(again.body()).get("detail").asText()).contains("only a FAILED notification");

    HttpResponse<String> unknown = post("/api/notifications/" + UUID.randomUUID() + "/retry", "ntf-admin");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void thereIsNoMailboxPageOutsideTheEmbeddedDefault() throws Exception {
    assertThat(get("/app/mailbox", null).statusCode()).isEqualTo(401);
    assertThat(get("/app/mailbox", "ntf-admin").statusCode()).isEqualTo(404);
  }

  /** GreenMail is on this test's class path, yet the postgres profile never starts the mail catcher. */
  @Test
  void theMailCatcherIsNotStartedInThePostgresProfile() {
    assertThat(ClassUtils.isPresent("com.icegreen.greenmail.util.GreenMail", getClass().getClassLoader())).isTrue();
    assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("postgres");
    assertThat(MailCatcherCondition.enabled(context.getEnvironment(), getClass().getClassLoader())).isFalse();
    assertThat(context.getBeanNamesForType(MailCatcher.class)).isEmpty();
    assertThat(context.getBeanNamesForType(MailCatcherConfiguration.class)).isEmpty();
    assertThat(context.getBeanNamesForType(MailboxPage.class)).isEmpty();
  }

  private String notification() {
    String key = "ops-test:" + UUID.randomUUID();
    assertThat(outbox.add(key, NotificationKind.TASK_CREATED, "FH-2099-90001", null, List.of("ops-test@example.org"),
        "Ny opgave", "Tekst", Instant.now())).isTrue();
    return jdbc.sql("SELECT id FROM notification WHERE dedup_key = ?").param(key).query(String.class).single();
  }

  private String failedNotification() {
    String id = notification();
    jdbc.sql("UPDATE notification SET status = 'FAILED', attempts = 3, last_error = 'MailSendException' WHERE id = ?")
        .param(id).update();
    return id;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return TestUsers.basicAuth(user, PASSWORD);
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (id.equals(n.get("id").asText())) {
        return n;
      }
    }
    throw new AssertionError("notification " + id + " not in " + list);
  }
}
