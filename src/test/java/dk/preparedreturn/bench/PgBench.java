package dk.preparedreturn.bench;

import dk.preparedreturn.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calibration with PostgreSQL's own pgbench in the same run as the benchmarks, so that results can
 * be given as ratios: these machines are shared and noisy. TPC-B-like, 8 clients; a TPC-B
 * transaction is 7 round trips (BEGIN, 3 UPDATEs, SELECT, INSERT, END), so the round-trip ceiling of
 * the database on this machine is {@code tps × 7}.
 */
final class PgBench {

  static final String DATABASE = TestDatabase.sibling("pgbench");
  static final int ROUND_TRIPS_PER_TRANSACTION = 7;

  /** One pgbench sample. */
  record Sample(String label, double tps, double latencyMs) {
    double roundTripsPerSecond() {
      return tps * ROUND_TRIPS_PER_TRANSACTION;
    }
  }

  private final List<Sample> samples = new ArrayList<>();
  private final int seconds;

  PgBench(int seconds) {
    this.seconds = seconds;
  }

  /** Creates the pgbench tables (scale 10) unless they exist. */
  void prepare() throws Exception {
    boolean exists;
    try (Connection admin = TestDatabase.connect("postgres"); Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      exists = rs.next();
      if (!exists) {
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
    boolean initialised = false;
    if (exists) {
      try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'pgbench_accounts'")) {
        rs.next();
        initialised = rs.getInt(1) == 1;
      }
    }
    if (!initialised) {
      run(List.of("pgbench", "-i", "-q", "-s", "10"));
    }
  }

  /** A TPC-B-like run with 8 clients; the sample is kept for the report. */
  Sample tpcb(String label) throws Exception {
    String out = run(List.of("pgbench", "-c", "8", "-j", "2", "-T", Integer.toString(seconds), "-n"));
    Sample sample = new Sample(label, number(out, "tps = ([0-9.]+)"), number(out, "latency average = ([0-9.]+) ms"));
    samples.add(sample);
    return sample;
  }

  List<Sample> samples() {
    return samples;
  }

  /** The round-trip ceiling: the mean of the samples taken so far. */
  double roundTripsPerSecond() {
    return samples.stream().mapToDouble(Sample::roundTripsPerSecond).average().orElse(Double.NaN);
  }

  double tps() {
    return samples.stream().mapToDouble(Sample::tps).average().orElse(Double.NaN);
  }

  static String version() {
    try (Connection db = TestDatabase.connect("postgres"); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT version(), current_setting('shared_buffers'),"
            + " current_setting('max_connections'), current_setting('synchronous_commit')")) {
      rs.next();
      return rs.getString(1).replaceAll(" on x86_64.*", "") + "; shared_buffers " + rs.getString(2)
          + ", max_connections " + rs.getString(3) + ", synchronous_commit " + rs.getString(4);
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("pgbench printed no " + regex + ":\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-h", TestDatabase.HOST, "-p", TestDatabase.PORT, "-U", TestDatabase.USER, DATABASE));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", TestDatabase.PASSWORD);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("pgbench is needed for the calibration (Debian: apt-get install"
          + " postgresql-client; it comes with the PostgreSQL server packages)", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
