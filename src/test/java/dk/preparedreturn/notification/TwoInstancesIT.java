package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.testsupport.ClassesProcess;
import dk.preparedreturn.testsupport.PackagedJar;
import dk.preparedreturn.testsupport.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the embedded default on one machine, as a newcomer starts a second one
 * ({@code PORT=8081 ./mvnw -Prun} in another clone): two JVMs on the compiled classes with the
 * mail catcher, each in its own folder, with the default configuration apart from {@code PORT}.
 * Each instance's mail catcher listens on a free port of its own and says so in the log, the
 * ready line points to the instance's own mailbox page, and each mailbox page shows only the mails
 * its own instance sent: the notifications of its demo cases, whose links carry its own port.
 */
class TwoInstancesIT {

  static final Duration TIMEOUT = Duration.ofSeconds(240);
  static final String[] JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"};
  static final Pattern CATCHER = Pattern.compile("Mail catcher of this instance listening on 127\\.0\\.0\\.1:(\\d+)");

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void eachInstanceCatchesAndShowsOnlyItsOwnMails(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
    int portA = PackagedJar.freePort();
    int portB = PackagedJar.freePort();
    Process a = ClassesProcess.start(dirA, Map.of("PORT", Integer.toString(portA)), JVM);
    Process b = ClassesProcess.start(dirB, Map.of("PORT", Integer.toString(portB)), JVM);
    try {
      String readyA = awaitReadyLine(a, dirA);
      String readyB = awaitReadyLine(b, dirB);
      int catcherA = catcherPort(dirA);
      int catcherB = catcherPort(dirB);
      assertThat(catcherA).as("each instance's catcher has a port of its own").isNotEqualTo(catcherB);
      assertThat(List.of(catcherA, catcherB)).doesNotContain(3025, portA, portB);
      assertThat(readyA).contains("mailbox http://localhost:" + portA + "/app/mailbox (mails caught by this instance on"
          + " 127.0.0.1:" + catcherA + ")", "Tasklist http://localhost:" + portA + "/camunda/app/tasklist/");
      assertThat(readyB).contains("mailbox http://localhost:" + portB + "/app/mailbox (mails caught by this instance on"
          + " 127.0.0.1:" + catcherB + ")");

      // the demo cases' notifications go out within seconds of the start (sender every 5 s)
      String pageA = awaitMails(a, dirA, portA);
      String pageB = awaitMails(b, dirB, portB);
      assertThat(pageA).as("A's mailbox: A's own mails only")
          .contains("http://localhost:" + portA + "/camunda/app/tasklist/")
          .doesNotContain("localhost:" + portB);
      assertThat(pageB).as("B's mailbox: B's own mails only")
          .contains("http://localhost:" + portB + "/camunda/app/tasklist/")
          .doesNotContain("localhost:" + portA);
      for (Path dir : List.of(dirA, dirB)) {
        assertThat(Files.readString(dir.resolve("app.log"))).as("no stack trace, no bind error in " + dir)
            .doesNotContain("Exception", "BindException", "Address already in use");
      }
    } finally {
      PackagedJar.stop(a);
      PackagedJar.stop(b);
    }
  }

  private String awaitReadyLine(Process process, Path dir) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("The instance stopped during start-up:\n" + PackagedJar.tail(dir));
      }
      for (String line : Files.readAllLines(dir.resolve("app.log"))) {
        if (line.contains("Prepared return is ready")) {
          return line;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("No ready line within " + TIMEOUT + ":\n" + PackagedJar.tail(dir));
  }

  private static int catcherPort(Path dir) throws IOException {
    Matcher m = CATCHER.matcher(Files.readString(dir.resolve("app.log")));
    assertThat(m.find()).as("the log says where the mail catcher listens").isTrue();
    int port = Integer.parseInt(m.group(1));
    assertThat(m.find()).as("one mail catcher per instance").isFalse();
    return port;
  }

  /** The mailbox page of the instance, as the administrator sees it (all mails), once it shows some. */
  private String awaitMails(Process process, Path dir, int port) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String page = "";
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/app/mailbox"))
          .header("Authorization", TestUsers.basicAuth("demo", "demo")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      page = response.body();
      if (page.contains("class=\"mail\"")) {
        return page;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("No mail on the mailbox page of port " + port + ":\n" + page + "\n" + PackagedJar.tail(dir));
  }
}
