package dk.preparedreturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Camunda's production hardening as an operator switches it on for HTTPS ({@code APP_SECURE_COOKIES},
 * {@code APP_HSTS}), and login throttling that slows an attacker down without ever locking a
 * caseworker out for good.
 */
@TestPropertySource(properties = {"APP_SECURE_COOKIES=true", "APP_HSTS=true", "APP_HSTS_MAX_AGE=63072000"})
class LoginAndHttpsHardeningIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Hardening-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String user(String id) {
    return TestUsers.ensure(engine.getIdentityService(), id, "cmm", PASSWORD);
  }

  @Test
  void cookiesAndHeadersAreThoseOfAnHttpsService() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=63072000; includeSubDomains");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    String csrf = cookie(page, "XSRF-TOKEN").orElseThrow();
    assertThat(csrf).as("the CSRF cookie").contains("Secure", "SameSite=Lax").doesNotContain("HttpOnly");
    String csrfToken = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
    String session = cookie(page, "JSESSIONID").orElseThrow();

    String id = user("hard-login");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .header("Cookie", session.substring(0, session.indexOf(';')) + "; XSRF-TOKEN=" + csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + id + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String loggedIn = cookie(login, "JSESSIONID").orElseThrow(() -> new AssertionError(
        "a new session after login (session fixation): " + login.headers().map()));
    assertThat(loggedIn).as("the session cookie").contains("Secure", "HttpOnly", "SameSite=Lax");
    assertThat(loggedIn).isNotEqualTo(session);
  }

  @Test
  void failedLoginsSlowDownButNeverLockACaseworkerOut() {
    IdentityService identity = engine.getIdentityService();
    String id = user("hard-throttle");
    Instant start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    for (int attempt = 1; attempt <= 25; attempt++) {
      assertThat(identity.checkPassword(id, "wrong-" + attempt)).isFalse();
    }
    assertThat(identity.checkPassword(id, PASSWORD)).as("during the delay even the right password waits").isFalse();
    assertThat(identity.createUserQuery().userId(id).singleResult()).as("the user still exists").isNotNull();

    // the delay grows with each failure but never beyond login-delay-max-time (60 s); no permanent lock
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(61))));
    assertThat(identity.checkPassword(id, PASSWORD)).as("61 s later the right password works again").isTrue();

    // and a caseworker whose password an attacker keeps guessing logs in once the short delay is over
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(identity.checkPassword(id, "wrong-again-" + attempt)).isFalse();
    }
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(61 + 61))));
    assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
  }

  @Test
  void theRestApiRefusesWhileAUserIsThrottled() throws Exception {
    String id = user("hard-rest");
    assertThat(basic("/engine-rest/task/count", id, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(basic("/engine-rest/task/count", id, "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> throttled = basic("/engine-rest/task/count", id, PASSWORD);
    assertThat(throttled.statusCode()).as("right password within the delay").isEqualTo(401);
    assertThat(throttled.body()).doesNotContain(id, PASSWORD, "at org.");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofSeconds(61))));
    assertThat(basic("/engine-rest/task/count", id, PASSWORD).statusCode()).isEqualTo(200);
  }

  HttpResponse<String> basic(String path, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static Optional<String> cookie(HttpResponse<?> response, String name) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }
}
