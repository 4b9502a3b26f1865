package dk.preparedreturn.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged service jar ({@code target/prepared-return-*.jar}), started as a process of its own. */
public final class PackagedJar {

  private PackagedJar() {
  }

  public static Path find() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("prepared-return-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw verify"));
    }
  }

  /**
   * Starts the jar on the embedded default (no profile and none of the production variables) in
   * the working folder, its output appended to {@code app.log} there.
   */
  public static Process start(Path jar, Path workDir, int port, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("APP_")
        || k.startsWith("ADMIN_") || k.startsWith("DB_") || k.startsWith("MAIL_") || k.equals("JAVA_TOOL_OPTIONS"));
    return builder.start();
  }

  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public static String tail(Path workDir) throws IOException {
    List<String> lines = Files.readAllLines(workDir.resolve("app.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
