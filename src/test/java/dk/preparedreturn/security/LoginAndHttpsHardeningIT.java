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
import java.time.Instant;
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
 * Camunda's production hardening as an operator switches it on for HTTPS behind a reverse proxy
 * ({@code APP_SECURE_COOKIES}, {@code APP_HSTS}, {@code SERVER_FORWARD_HEADERS_STRATEGY=framework}), and login
 * throttling per client address that stops an attacker without ever keeping a caseworker out: the
 * clients are told apart by the {@code X-Forwarded-For} the proxy sets.
 */
@TestPropertySource(properties = {"APP_SECURE_COOKIES=true", "APP_HSTS=true", "APP_HSTS_MAX_AGE=63072000",
    "server.forward-headers-strategy=framework"})
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
  void anAttackerNeverKeepsACaseworkerOutAndIsThrottledHimself() throws Exception {
    String id = user("thr-karen");
    String attacker = "203.0.113.10";
    String office = "198.51.100.7";
    Instant start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(webappLogin(attacker, id, "guess-" + attempt).statusCode()).as("guess " + attempt).isEqualTo(401);
    }
    // five failures for one user id from one address: that address waits before trying it again
    HttpResponse<String> throttled = webappLogin(attacker, id, "guess-6");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L));
    assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(throttled.body()).contains("\"status\":429").doesNotContain(id);
    assertThat(webappLogin(attacker, id, PASSWORD).statusCode()).as("even the right password, from there")
        .isEqualTo(429);
    assertThat(basic(attacker, "/engine-rest/task/count", id, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(basic(attacker, "/api/reports/summary", id, PASSWORD).statusCode()).isEqualTo(429);

    // the caseworker, at the same moment from the office, gets in every way
    assertThat(webappLogin(office, id, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(basic(office, "/engine-rest/task/count", id, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(basic(office, "/api/reports/summary", id, PASSWORD).statusCode()).as("signed in (a caseworker"
        + " may not read reports)").isEqualTo(403);
    assertThat(engine.getIdentityService().checkPassword(id, PASSWORD)).isTrue();

    // the wait is short and not a lock: after it the attacker's address may try again
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(31)));
    assertThat(webappLogin(attacker, id, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aClientTryingManyUserIdsWaitsLongerWithEveryFailureAndOnlyItWaits() throws Exception {
    String scanner = "203.0.113.66";
    String id = user("thr-mads");
    Instant start = Instant.now();
    ClockUtil.setCurrentTime(Date.from(start));
    for (int attempt = 1; attempt <= 20; attempt++) {
      assertThat(basic(scanner, "/engine-rest/task/count", "nobody-" + attempt, "guess").statusCode())
          .as("guess " + attempt).isEqualTo(401);
    }
    // twenty failures from one address, whatever the user ids: the address waits for every user id
    HttpResponse<String> throttled = basic(scanner, "/engine-rest/task/count", id, PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
    assertThat(webappLogin(scanner, id, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(basic(scanner, "/actuator/prometheus", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    assertThat(basic("198.51.100.8", "/engine-rest/task/count", id, PASSWORD).statusCode()).as("another client")
        .isEqualTo(200);

    // the next failure after the wait doubles it
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(31)));
    assertThat(basic(scanner, "/engine-rest/task/count", "nobody-21", "guess").statusCode()).isEqualTo(401);
    HttpResponse<String> longer = basic(scanner, "/engine-rest/task/count", id, PASSWORD);
    assertThat(longer.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow())).isBetween(31L, 60L);
    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(31 + 61)));
    assertThat(basic(scanner, "/engine-rest/task/count", id, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsNeverDelayTheRightOne() {
    // Camunda's own per-user delay (during which the right password failed too) is off
    IdentityService identity = engine.getIdentityService();
    String id = user("thr-direct");
    for (int attempt = 1; attempt <= 25; attempt++) {
      assertThat(identity.checkPassword(id, "wrong-" + attempt)).isFalse();
    }
    assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
    var stored = (org.camunda.bpm.engine.impl.persistence.entity.UserEntity) identity.createUserQuery().userId(id)
        .singleResult();
    assertThat(stored.getAttempts()).as("no per-user lock is counted").isZero();
    assertThat(stored.getLockExpirationTime()).isNull();
  }

  /** Signs in to Tasklist as the webapp does (session and CSRF token first), from the given client. */
  HttpResponse<String> webappLogin(String client, String user, String password) throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
        .header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    String csrf = cookie(page, "XSRF-TOKEN").orElseThrow();
    String csrfToken = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
    String session = cookie(page, "JSESSIONID").orElseThrow();
    return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-Forwarded-For", client)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .header("Cookie", session.substring(0, session.indexOf(';')) + "; XSRF-TOKEN=" + csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> basic(String client, String path, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client)
        .header("Authorization", TestUsers.basicAuth(user, password)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static Optional<String> cookie(HttpResponse<?> response, String name) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }
}
