package dk.preparedreturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a proxy configured ({@code SERVER_FORWARD_HEADERS_STRATEGY} unset, as in the shared test
 * context) the client address is the TCP peer: a client cannot escape the throttling by sending
 * another {@code X-Forwarded-For} with every guess.
 */
class LoginThrottleWithoutProxyIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Throttle-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void xForwardedForIsIgnoredWithoutAProxy() throws Exception {
    String id = TestUsers.ensure(engine.getIdentityService(), "thr-noproxy", "cmm", PASSWORD);
    // an hour in the past: these failures are long forgotten when the other tests of this context run
    Instant past = Instant.now().minusSeconds(3600);
    ClockUtil.setCurrentTime(Date.from(past));
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(basic("203.0.113." + attempt, id, "guess-" + attempt).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = basic("203.0.113.99", id, PASSWORD);
    assertThat(throttled.statusCode()).as("the five guesses came from one address whatever they claimed")
        .isEqualTo(429);
    ClockUtil.setCurrentTime(Date.from(past.plusSeconds(31)));
    assertThat(basic("203.0.113.99", id, PASSWORD).statusCode()).as("signed in (a caseworker may not read"
        + " reports)").isEqualTo(403);
  }

  HttpResponse<String> basic(String forwardedFor, String user, String password) throws Exception {
    // the service's own API: its password checks run on this context's engine, whereas /engine-rest
    // finds the engine "default" by name, which in a JVM with several cached test contexts may be
    // another context's
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/summary"))
        .header("X-Forwarded-For", forwardedFor)
        .header("Authorization", TestUsers.basicAuth(user, password)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
