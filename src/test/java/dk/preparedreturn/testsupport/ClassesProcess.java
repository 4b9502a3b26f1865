package dk.preparedreturn.testsupport;

import dk.preparedreturn.PreparedReturnApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The service started as {@code ./mvnw -Prun} starts it: a JVM of its own on the compiled classes
 * and the dependencies (GreenMail included, unlike the packaged jar), in a working folder of its
 * own, on the embedded default (no profile and none of the production variables). Its output is
 * appended to {@code app.log} there.
 */
public final class ClassesProcess {

  private ClassesProcess() {
  }

  /** {@code environment}: variables such as {@code PORT}, on top of a clean environment. */
  public static Process start(Path workDir, Map<String, String> environment, String... jvmOptions) throws IOException {
    // written by the build (maven-dependency-plugin, pre-integration-test): the dependencies of scope compile
    // and runtime, as spring-boot:run has them, without the test libraries
    Path dependencies = Path.of("target", "runtime-classpath.txt");
    if (!Files.isRegularFile(dependencies)) {
      throw new IllegalStateException(dependencies + " is missing: run the integration tests with ./mvnw verify");
    }
    List<String> entries = new ArrayList<>();
    entries.add(Path.of("target", "classes").toAbsolutePath().toString());
    entries.addAll(Arrays.asList(Files.readString(dependencies).trim().split(File.pathSeparator)));
    Path argFile = workDir.resolve("java.args");
    Files.writeString(argFile, "-cp \"" + String.join(File.pathSeparator, entries).replace("\\", "\\\\") + "\"\n");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("@" + argFile.toAbsolutePath());
    command.add(PreparedReturnApplication.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("APP_")
        || k.startsWith("ADMIN_") || k.startsWith("DB_") || k.startsWith("MAIL_") || k.equals("JAVA_TOOL_OPTIONS")
        || k.equals("PORT") || k.equals("TASKLIST_URL") || k.equals("PUBLIC_URL"));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
