package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The page {@code /app/mailbox} of the embedded default (no profile, H2, no MAIL_HOST, the mail
 * catcher on, a web server): the service's real sender delivers to the real mail catcher on the
 * free port it chose, and the page shows the caught mails newest first, escaped, to whom they are addressed: an administrator sees all, a
 * caseworker the mails to their own address and their group's mailbox, a partner the same in
 * English. Without a login it is 401, with a Tasklist session it works like Basic. (Outside the
 * embedded default it does not exist: NotificationApiIT.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mailbox-page-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.job-execution.enabled=false",
    "app.demo.enabled=false",
    "app.mail-catcher.enabled=true",
    "app.notification.sender-enabled=false",
    "app.notification.reminders-enabled=false"
})
class MailboxPageTest {

  static final String PASSWORD = "Mailbox-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Outbox outbox;
  @Autowired
  NotificationSender sender;
  @Autowired
  MailCatcher catcher;
  @Autowired
  JavaMailSender mailSender;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    ClockUtil.reset();
    user("mb-admin", "camunda-admin", null);
    user("mb-cmm", "cmm", "mb-cmm@example.org");
    user("mb-drc", "drc", "mb-drc@example.org");
    user("mb-ng", "partner-ng", "mb-ng@example.org");
  }

  @Test
  void eachUserSeesTheCaughtMailsAddressedToThemNewestFirstAndEscaped() throws Exception {
    // no MAIL_HOST: the catcher listens on a free port of its own and the service's sender delivers there
    assertThat(catcher.port()).isPositive().isNotEqualTo(3025);
    assertThat(mailSender).isInstanceOfSatisfying(JavaMailSenderImpl.class, smtp -> {
      assertThat(smtp.getHost()).isEqualTo("127.0.0.1");
      assertThat(smtp.getPort()).isEqualTo(catcher.port());
    });
    String tag = UUID.randomUUID().toString().substring(0, 8);
    // sent one after the other, oldest first
    send("cmm-" + tag, List.of("cmm@example.org"), "Ny opgave " + tag + ": <b>Fremskaf</b> & \"book\"",
        "Sag: FH-2026-00001\n<script>alert('x')</script>\nÅbn: https://tasklist.example.test/?a=1&b=2");
    send("own-" + tag, List.of("mb-cmm@example.org"), "Opgave tildelt dig " + tag, "Til dig");
    send("drc-" + tag, List.of("drc@example.org", "hjemrejsestyrelsen@example.org"), "Advarsel " + tag, "DRC");
    send("ng-" + tag, List.of("partner-ng@example.org"), "New task " + tag, "Case: FH-2026-00001");

    assertThat(get("/app/mailbox", null).statusCode()).isEqualTo(401);

    // a CMM caseworker: CMM's mailbox and her own address, newest first, every value escaped
    HttpResponse<String> cmm = get("/app/mailbox", "mb-cmm");
    assertThat(cmm.statusCode()).isEqualTo(200);
    assertThat(cmm.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(cmm.headers().firstValue("Cache-Control")).hasValue("no-store");
    String page = cmm.body();
    assertThat(page).contains("<html lang=\"da\"", "E-mails sendt af tjenesten",
        "Du ser e-mails til cmm@example.org, mb-cmm@example.org.");
    assertThat(page).contains("Opgave tildelt dig " + tag, "Til: mb-cmm@example.org", "Til: cmm@example.org")
        .doesNotContain("Advarsel " + tag, "New task " + tag);
    assertThat(page.indexOf("Opgave tildelt dig " + tag)).as("newest first")
        .isLessThan(page.indexOf("Ny opgave " + tag));
    assertThat(page).contains("Ny opgave " + tag + ": &lt;b&gt;Fremskaf&lt;/b&gt; &amp; &quot;book&quot;",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "?a=1&amp;b=2");
    assertThat(page).doesNotContain("<script", "<b>Fremskaf");
    assertThat(page.split("class=\"mail\"", -1)).as("each mail once, not once per copy").hasSize(2 + 1);

    // a DRC caseworker: DRC's mailbox; the mail to two mailboxes is shown once with both recipients
    String drc = get("/app/mailbox", "mb-drc").body();
    assertThat(drc).contains("Advarsel " + tag, "Til: drc@example.org, hjemrejsestyrelsen@example.org")
        .doesNotContain("Ny opgave " + tag, "Opgave tildelt dig " + tag, "New task " + tag);

    // a partner: English, its own mailbox only
    String partner = get("/app/mailbox", "mb-ng").body();
    assertThat(partner).contains("<html lang=\"en\"", "Mails sent by the service", "New task " + tag,
        "To: partner-ng@example.org").doesNotContain("Ny opgave " + tag, "Advarsel " + tag);

    // an administrator: everything
    String admin = get("/app/mailbox", "mb-admin").body();
    assertThat(admin).contains("Du ser alle e-mails (administrator).", "Ny opgave " + tag, "Opgave tildelt dig " + tag,
        "Advarsel " + tag, "New task " + tag);

    // signed in to Tasklist instead of Basic
    HttpResponse<String> withSession = get("/app/mailbox", null, tasklistSession("mb-cmm"));
    assertThat(withSession.statusCode()).isEqualTo(200);
    assertThat(withSession.body()).contains("Opgave tildelt dig " + tag).doesNotContain("Advarsel " + tag);
  }

  private void send(String key, List<String> to, String subject, String body) {
    // queued at the engine's time in milliseconds, as the service does (Instant.now() may be a few
    // microseconds after the sender's "now" and so not yet due)
    Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(outbox.add(key, NotificationKind.TASK_CREATED, null, null, to, subject, body, now)).isTrue();
    assertThat(sender.sendDue()).isEqualTo(1);
    int before = catcher.caught().size();
    assertThat(before).isPositive();
    // the catcher stamps the time of arrival in milliseconds: the next mail arrives in a later one
    Instant last = catcher.caught().get(0).receivedAt();
    while (!Instant.now().isAfter(last.plusMillis(1))) {
      Thread.onSpinWait();
    }
  }

  private void user(String id, String group, String email) {
    IdentityService identity = engine.getIdentityService();
    TestUsers.ensure(identity, id, group, PASSWORD);
    User user = identity.createUserQuery().userId(id).singleResult();
    if (email != null && !email.equals(user.getEmail())) {
      user.setEmail(email);
      identity.saveUser(user);
    }
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, null);
  }

  private HttpResponse<String> get(String path, String user, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", TestUsers.basicAuth(user, PASSWORD));
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in to Tasklist as the webapp does; returns the session cookie. */
  private String tasklistSession(String user) throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String csrf = cookie(page, "XSRF-TOKEN");
    String session = cookie(page, "JSESSIONID");
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return "JSESSIONID=" + cookie(login, "JSESSIONID");
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + ": " + response.headers().map()));
  }
}
