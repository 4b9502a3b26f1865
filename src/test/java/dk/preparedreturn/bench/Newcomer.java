package dk.preparedreturn.bench;

import dk.preparedreturn.testsupport.PackagedJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * B6, the newcomer's first start: the README's run command ({@link #COMMAND}) in a fresh copy of
 * the repository's files (what a clone has: no target/, no data/), with the local Maven
 * repository as it is (warm after the benchmark's own build), timed from typing the command to
 * ready: the readiness probe answers 200 and Tasklist is served. The ready log line's "s after the
 * JVM started" splits it into Maven (start, compile, fork) and the service. Then the same command
 * again in the same folder (a restart: classes and H2 data exist).
 */
final class Newcomer {

  static final List<String> COMMAND = List.of("./mvnw", "-Prun");
  private static final Pattern READY = Pattern.compile("Prepared return is ready \\((\\d+\\.\\d) s after the JVM started");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One start: total seconds to ready, of them the service's JVM, and what Maven compiled. */
  record Start(boolean first, double readySeconds, double serviceSeconds, String load, boolean testsCompiled,
      int mainSourcesCompiled) {

    double mavenSeconds() {
      return readySeconds - serviceSeconds;
    }
  }

  private Newcomer() {
  }

  static List<Start> measure(int rounds) throws Exception {
    List<Start> starts = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Path clone = Files.createTempDirectory("prepared-return-newcomer");
      try {
        copyRepository(Path.of("").toAbsolutePath(), clone);
        starts.add(once(clone, true));
        starts.add(once(clone, false));
      } finally {
        delete(clone);
      }
    }
    return starts;
  }

  /** The files a clone has: tracked and untracked-but-not-ignored (so uncommitted work is measured too). */
  private static void copyRepository(Path project, Path clone) throws Exception {
    Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        .directory(project.toFile()).redirectErrorStream(false).start();
    String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (git.waitFor() != 0) {
      throw new IllegalStateException("git ls-files failed in " + project);
    }
    for (String name : listing.split("\0")) {
      if (name.isEmpty()) {
        continue;
      }
      Path source = project.resolve(name);
      if (!Files.isRegularFile(source)) {
        continue; // deleted in the working tree
      }
      Path target = clone.resolve(name);
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
    if (Files.exists(clone.resolve("target")) || Files.exists(clone.resolve("data"))) {
      throw new IllegalStateException("the copy has a target/ or data/ folder");
    }
  }

  private static Start once(Path clone, boolean first) throws Exception {
    int port = PackagedJar.freePort();
    Path log = clone.resolve(first ? "newcomer-first.log" : "newcomer-restart.log");
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    ProcessBuilder builder = new ProcessBuilder(COMMAND).directory(clone.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // a newcomer's shell: none of the service's variables, no Maven options; the port is the only setting
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("APP_")
        || k.startsWith("ADMIN_") || k.startsWith("DB_") || k.startsWith("MAIL_") || k.equals("JAVA_TOOL_OPTIONS")
        || k.equals("MAVEN_OPTS") || k.equals("MAVEN_ARGS") || k.equals("TASKLIST_URL")
        || k.equals("PUBLIC_URL"));
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    long t0 = System.nanoTime();
    Process maven = builder.start();
    try {
      String base = "http://localhost:" + port;
      long deadline = t0 + Duration.ofMinutes(5).toNanos();
      while (!(status(base + "/actuator/health/readiness") == 200
          && status(base + "/camunda/app/tasklist/default/") == 200)) {
        if (!maven.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("not ready:\n" + tail(log));
        }
        Thread.sleep(100);
      }
      double ready = (System.nanoTime() - t0) / 1e9;
      String output = awaitReadyLine(log);
      Matcher m = READY.matcher(output);
      double service = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
      boolean testsCompiled = Pattern.compile("Compiling \\d+ source files? .*test-classes").matcher(output).find();
      Matcher main = Pattern.compile("Compiling (\\d+) source files? .*target/classes").matcher(output);
      int mainCompiled = main.find() ? Integer.parseInt(main.group(1)) : 0;
      return new Start(first, ready, service, load, testsCompiled, mainCompiled);
    } finally {
      stop(maven);
    }
  }

  private static String awaitReadyLine(Path log) throws Exception {
    for (int i = 0; i < 100; i++) {
      String output = Files.readString(log);
      if (READY.matcher(output).find()) {
        return output;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("ready, but no ready line in the log:\n" + tail(log));
  }

  /** The service's JVM first (a graceful stop), then Maven, which ends when its fork ends. */
  private static void stop(Process maven) throws InterruptedException {
    List<ProcessHandle> forks = maven.descendants().toList();
    forks.forEach(ProcessHandle::destroy);
    for (ProcessHandle fork : forks) {
      try {
        fork.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        fork.destroyForcibly();
      }
    }
    if (!maven.waitFor(30, TimeUnit.SECONDS)) {
      maven.destroy();
      if (!maven.waitFor(30, TimeUnit.SECONDS)) {
        maven.destroyForcibly().waitFor();
      }
    }
  }

  private static int status(String url) throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return -1;
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
