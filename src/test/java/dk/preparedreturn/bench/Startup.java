package dk.preparedreturn.bench;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * B6: the packaged jar on the embedded default, started as a newcomer starts it: time from the
 * process start to "ready" (the readiness probe answers 200 and Tasklist is served), and its memory
 * (resident set) when ready and after a little work (Tasklist, the REST API, the reports page). A
 * first start (empty ./data: schema, demo users and demo cases are created) and a restart on the
 * same data.
 */
final class Startup {

  /** One start. */
  record Start(boolean first, double readySeconds, long rssReadyMiB, long rssAfterWorkMiB, long peakMiB) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Startup() {
  }

  /** {@code rounds} times: a first start in a new folder, then a restart there. */
  static List<Start> measure(int rounds, String... jvmOptions) throws Exception {
    Path jar = PackagedJar.find();
    List<Start> starts = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Path dir = Files.createTempDirectory("prepared-return-start");
      try {
        starts.add(once(jar, dir, true, jvmOptions));
        starts.add(once(jar, dir, false, jvmOptions));
      } finally {
        delete(dir);
      }
    }
    return starts;
  }

  private static Start once(Path jar, Path dir, boolean first, String... jvmOptions) throws Exception {
    int port = PackagedJar.freePort();
    long t0 = System.nanoTime();
    Process process = PackagedJar.start(jar, dir, port, jvmOptions);
    try {
      String base = "http://localhost:" + port;
      long deadline = t0 + Duration.ofMinutes(3).toNanos();
      while (!(status(base + "/actuator/health/readiness", false) == 200
          && status(base + "/camunda/app/tasklist/default/", false) == 200)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("not ready:\n" + PackagedJar.tail(dir));
        }
        Thread.sleep(100);
      }
      double ready = (System.nanoTime() - t0) / 1e9;
      long rssReady = Cpu.memoryMiB(process.pid())[0];
      for (int i = 0; i < 20; i++) {
        status(base + "/camunda/app/tasklist/default/", false);
        status(base + "/engine-rest/task?maxResults=50", true);
        status(base + "/engine-rest/process-instance?maxResults=50", true);
        status(base + "/api/reports/summary", true);
        status(base + "/app/reports", true);
      }
      long[] memory = Cpu.memoryMiB(process.pid());
      return new Start(first, ready, rssReady, memory[0], memory[1]);
    } finally {
      PackagedJar.stop(process);
    }
  }

  private static int status(String url, boolean asAdmin) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (asAdmin) {
      request.header("Authorization", TestUsers.basicAuth("demo", "demo"));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return -1;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
