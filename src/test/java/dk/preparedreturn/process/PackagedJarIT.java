package dk.preparedreturn.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started on the embedded default from a folder other than the project: the
 * models of processes/ are deployed under the same relative names as in the IDE and the tests,
 * and a restart without changes creates no new deployment. Both starts write the ready line. The
 * jar leaves out the embedded default's mail catcher (GreenMail).
 */
class PackagedJarIT {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void deploysUnderRelativeNamesFromAnyFolderAndNotAgainOnRestart(@TempDir Path workDir) throws Exception {
    Path jar = PackagedJar.find();
    List<String> expected = ProcessesDeploymentTest.modelsInProcessesFolder();

    int port = PackagedJar.freePort();
    Process first = PackagedJar.start(jar, workDir, port);
    String firstDeployment;
    try {
      awaitTasklist(first, workDir, port);
      JsonNode deployments = get(port, "/engine-rest/deployment?name=prepared-return&maxResults=10");
      assertThat(deployments).hasSize(1);
      firstDeployment = deployments.get(0).get("id").asText();
      assertThat(resourceNames(port, firstDeployment)).containsExactlyElementsOf(expected);
      // the embedded default's demo cases give every actor work
      for (String group : new String[] {"udlaendingestyrelsen", "cmm", "hjemrejsestyrelsen", "drc", "partner-ng",
          "partner-th"}) {
        assertThat(get(port, "/engine-rest/task/count?candidateGroup=" + group + "&includeAssignedTasks=true")
            .get("count").asInt()).as(() -> "open tasks of " + group + "; log:\n" + tailOrEmpty(workDir)).isPositive();
      }
      assertThat(get(port, "/engine-rest/process-instance/count?processDefinitionKey=PreparedReturn")
          .get("count").asInt()).as("the eight demo cases").isEqualTo(8);
      assertThat(get(port, "/engine-rest/task/count?taskDefinitionKey=Task_PayCashSupport").get("count").asInt())
          .as("a case in reintegration month 4").isEqualTo(1);
      // no mail catcher in the packaged jar: no mailbox page, and the ready line says where mails go
      assertThat(status(port, "/app/mailbox")).isEqualTo(404);
    } finally {
      PackagedJar.stop(first);
    }
    assertThat(workDir.resolve("data")).as("H2 data under ./data of the working folder").isDirectory();
    assertThat(readyLines(workDir)).as("the ready line of the first start").singleElement().satisfies(line ->
        assertThat(line).contains("embedded default, H2, demo users and cases",
            "Tasklist http://localhost:" + port + "/camunda/app/tasklist/",
            "Cockpit http://localhost:" + port + "/camunda/app/cockpit/",
            "case search http://localhost:" + port + "/app/cases?q=",
            "no mail catcher in the packaged jar and no SMTP server (MAIL_HOST): mails wait in the outbox"));

    Process second = PackagedJar.start(jar, workDir, port);
    try {
      awaitTasklist(second, workDir, port);
      JsonNode deployments = get(port, "/engine-rest/deployment?name=prepared-return&maxResults=10");
      assertThat(deployments).as("no new deployment after a restart without changes").hasSize(1);
      assertThat(deployments.get(0).get("id").asText()).isEqualTo(firstDeployment);
      assertThat(resourceNames(port, firstDeployment)).containsExactlyElementsOf(expected);
      assertThat(get(port, "/engine-rest/process-instance/count?processDefinitionKey=PreparedReturn")
          .get("count").asInt()).as("demo cases are created once").isEqualTo(8);
    } finally {
      PackagedJar.stop(second);
    }
    assertThat(readyLines(workDir)).as("a ready line on the restart too (the demo cases exist already)").hasSize(2);
    assertThat(Files.readString(workDir.resolve("app.log"))).doesNotContain("GreenMail", "greenmail");
  }

  /** The production jar does not ship the embedded default's mail catcher (GreenMail). */
  @Test
  void theJarDoesNotContainGreenMail() throws Exception {
    List<String> libraries = new ArrayList<>();
    try (JarFile jar = new JarFile(PackagedJar.find().toFile())) {
      jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).forEach(libraries::add);
    }
    assertThat(libraries).as("the libraries of the jar").anyMatch(n -> n.startsWith("BOOT-INF/lib/h2-"))
        .anyMatch(n -> n.startsWith("BOOT-INF/lib/postgresql-"))
        .anyMatch(n -> n.startsWith("BOOT-INF/lib/jakarta.mail-"))
        .noneMatch(n -> n.toLowerCase(Locale.ROOT).contains("greenmail"));
  }

  static List<String> readyLines(Path workDir) throws IOException {
    return Files.readAllLines(workDir.resolve("app.log")).stream().filter(l -> l.contains("Prepared return is ready"))
        .toList();
  }

  private int status(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUsers.basicAuth("demo", "demo")).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private List<String> resourceNames(int port, String deploymentId) throws Exception {
    List<String> names = new ArrayList<>();
    get(port, "/engine-rest/deployment/" + deploymentId + "/resources").forEach(r -> names.add(r.get("name").asText()));
    return names.stream().sorted().toList();
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUsers.basicAuth("demo", "demo"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Ready: the readiness probe accepts traffic (after start-up work such as the demo cases) and Tasklist is served. */
  void awaitTasklist(Process process, Path workDir, int port) throws Exception {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    URI tasklist = URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("The jar stopped during start-up:\n" + PackagedJar.tail(workDir));
      }
      try {
        if (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && http.send(HttpRequest.newBuilder(tasklist).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Tasklist not served within " + READY_TIMEOUT + ":\n" + PackagedJar.tail(workDir));
  }

  static String tailOrEmpty(Path workDir) {
    try {
      return PackagedJar.tail(workDir);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

}
