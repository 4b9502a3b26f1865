package dk.preparedreturn.tools;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the runtime libraries of the service that have newer releases on Maven Central: the newest
 * patch of the line in use (same major.minor: take it) and the newest release of all (a new line:
 * read its notes first). Run with {@code ./mvnw -q -Poutdated validate} (README, "Keeping
 * dependencies current"); it reads the list Maven writes of the runtime dependencies.
 */
public final class OutdatedLibraries {

  static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");
  static final Pattern DEPENDENCY = Pattern.compile("^\\s*([\\w.\\-]+):([\\w.\\-]+):(?:jar|pom):(?:[\\w.\\-]+:)?([\\w.\\-]+):(compile|runtime)");

  record Library(String group, String artifact, String version) {
  }

  record Finding(Library library, String newestPatch, String newest) {
  }

  public static void main(String[] args) throws Exception {
    List<Library> libraries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      Matcher m = DEPENDENCY.matcher(line);
      if (m.find()) {
        libraries.add(new Library(m.group(1), m.group(2), m.group(3)));
      }
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Finding> findings = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Finding>> futures = new ArrayList<>();
      for (Library library : libraries) {
        futures.add(pool.submit(() -> check(http, library)));
      }
      for (Future<Finding> future : futures) {
        Finding finding = future.get();
        if (finding != null) {
          findings.add(finding);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    findings.sort(Comparator.comparing(f -> f.library().group() + ":" + f.library().artifact()));
    System.out.printf("%d runtime libraries checked against Maven Central; %d have newer releases.%n",
        libraries.size(), findings.size());
    System.out.printf("%-62s %-16s %-18s %s%n", "library", "in use", "newest patch", "newest");
    for (Finding f : findings) {
      System.out.printf("%-62s %-16s %-18s %s%n", f.library().group() + ":" + f.library().artifact(),
          f.library().version(), f.newestPatch() == null ? "-" : f.newestPatch(), f.newest());
    }
  }

  static Finding check(HttpClient http, Library library) throws Exception {
    String url = "https://repo.maven.apache.org/maven2/" + library.group().replace('.', '/') + "/" + library.artifact()
        + "/maven-metadata.xml";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return null;
    }
    List<String> releases = new ArrayList<>();
    Matcher m = VERSION.matcher(response.body());
    while (m.find()) {
      if (!m.group(1).matches("(?i).*(alpha|beta|rc|cr|m\\d|snapshot|preview|-ea).*")) {
        releases.add(m.group(1));
      }
    }
    String line = line(library.version());
    String newestPatch = releases.stream().filter(v -> line(v).equals(line)).max(OutdatedLibraries::compare)
        .filter(v -> compare(v, library.version()) > 0).orElse(null);
    String newest = releases.stream().max(OutdatedLibraries::compare).orElse(library.version());
    return newestPatch == null && compare(newest, library.version()) <= 0 ? null
        : new Finding(library, newestPatch, newest);
  }

  /** "10.1.55" -> "10.1". */
  static String line(String version) {
    String[] parts = version.split("[.\\-]");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0];
  }

  static int compare(String a, String b) {
    String[] x = a.split("[.\\-]");
    String[] y = b.split("[.\\-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = p.matches("\\d+") && q.matches("\\d+") ? Long.compare(Long.parseLong(p), Long.parseLong(q))
          : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
