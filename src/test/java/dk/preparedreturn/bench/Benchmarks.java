package dk.preparedreturn.bench;

import static dk.preparedreturn.bench.Stats.f0;
import static dk.preparedreturn.bench.Stats.f1;
import static dk.preparedreturn.bench.Stats.f2;
import static dk.preparedreturn.bench.Stats.pct;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.preparedreturn.testsupport.PackagedJar;
import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The benchmarks (issue 8), run by {@code ./mvnw -Pbench verify} against the local PostgreSQL; they
 * write a dated Markdown report to {@code docs/benchmarks/}. pgbench calibrates the machine in the
 * same run, so results are also given as ratios (these machines are shared and noisy).
 *
 * <p>System properties (all optional): {@code bench.only} (comma-separated: B1, B1micro, B3, B4, B5,
 * B6), {@code bench.b1.cases}, {@code bench.b1.cohorts}, {@code bench.b1.clients},
 * {@code bench.micro.seconds}, {@code bench.b3.tasks}, {@code bench.b4.timers}, {@code bench.b6.rounds},
 * {@code bench.b6.newcomer.rounds} (0 leaves the newcomer's start out),
 * {@code bench.report.dir}. PostgreSQL is found like the tests find it ({@code TEST_PG_*}).
 */
public final class Benchmarks {

  private final StringBuilder report = new StringBuilder();
  private final List<String> summary = new ArrayList<>();
  private final Set<String> only;
  private final PgBench pgbench = new PgBench(intProperty("bench.pgbench.seconds", 20));
  private GreenMail mail;

  private Benchmarks(Set<String> only) {
    this.only = only;
  }

  public static void main(String[] args) throws Exception {
    String selection = System.getProperty("bench.only", "");
    Set<String> only = selection.isBlank() ? Set.of()
        : Set.of(selection.toUpperCase(Locale.ROOT).replace(" ", "").split(","));
    Benchmarks benchmarks = new Benchmarks(only);
    try {
      Path written = benchmarks.runAll();
      System.out.println("[bench] report written to " + written);
    } catch (Throwable e) {
      // exit all the same: service nodes still running in this JVM would keep it alive and busy
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private boolean selected(String name) {
    return only.isEmpty() || only.contains(name.toUpperCase(Locale.ROOT));
  }

  private Path runAll() throws Exception {
    LocalDateTime started = LocalDateTime.now();
    String load0 = loadAverage();
    pgbench.prepare();
    mail = new GreenMail(new ServerSetup(PackagedJar.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    PgBench.Sample first = pgbench.tpcb("at the start");
    System.out.printf("[bench] pgbench TPC-B 8 clients: %.0f tps%n", first.tps());
    StringBuilder sections = new StringBuilder();
    try {
      if (selected("B1")) {
        sections.append(b1());
      }
      if (selected("B1micro")) {
        sections.append(b1Micro());
      }
      sections.append(b2());
      if (selected("B3")) {
        sections.append(b3());
      }
      if (selected("B4")) {
        sections.append(b4());
      }
      if (selected("B5")) {
        sections.append(b5());
      }
      if (selected("B6")) {
        sections.append(b6());
      }
    } finally {
      mail.stop();
      ClockUtil.reset();
    }
    PgBench.Sample last = pgbench.tpcb("at the end");
    System.out.printf("[bench] pgbench TPC-B 8 clients: %.0f tps%n", last.tps());

    report.append("# Benchmarks ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
        .append("\n\n");
    report.append("Command: `./mvnw -Pbench verify`").append(only.isEmpty() ? "" : " with `-Dbench.only="
        + String.join(",", only) + "`").append(". Goals from issue 8; the bare-engine anchors from")
        .append(" `shared/performance-anchors.md`.\n\n");
    report.append("## Summary\n\n| benchmark | goal | result | verdict |\n|---|---|---|---|\n");
    summary.forEach(row -> report.append(row).append('\n'));
    report.append("\n## Machine and calibration\n\n");
    report.append("| | |\n|---|---|\n");
    report.append("| CPU cores | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
    report.append("| memory | ").append(memory()).append(" |\n");
    report.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", ").append(ManagementFactory.getRuntimeMXBean()
            .getInputArguments().stream().filter(a -> a.startsWith("-X")).collect(Collectors.joining(" ")))
        .append(" |\n");
    report.append("| PostgreSQL | ").append(PgBench.version()).append(", same machine, loopback |\n");
    report.append("| load average (1, 5, 15 min) | start ").append(load0).append("; end ").append(loadAverage())
        .append(" |\n\n");
    report.append("pgbench, TPC-B-like, scale 10, 8 clients, 2 threads, ").append(intProperty("bench.pgbench.seconds",
        20)).append(" s each (a TPC-B transaction is 7 round trips):\n\n| when | tps | latency | round trips/s |\n")
        .append("|---|---|---|---|\n");
    for (PgBench.Sample s : pgbench.samples()) {
      report.append("| ").append(s.label()).append(" | ").append(f0(s.tps())).append(" | ").append(f1(s.latencyMs()))
          .append(" ms | ").append(f0(s.roundTripsPerSecond())).append(" |\n");
    }
    report.append('\n').append(sections);
    Path dir = Path.of(System.getProperty("bench.report.dir", "docs/benchmarks"));
    Files.createDirectories(dir);
    Path file = dir.resolve(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".md");
    Files.writeString(file, report);
    return file.toAbsolutePath();
  }

  // ---- B1: whole journeys of the real models

  private String b1() throws Exception {
    int cases = intProperty("bench.b1.cases", 48);
    int cohorts = intProperty("bench.b1.cohorts", 3);
    int clients = intProperty("bench.b1.clients", 8);
    String database = TestDatabase.sibling("bench_journeys");
    TestDatabase.recreate(database);
    JourneyThroughput.Result result;
    long xact0;
    long xact1;
    try (ServiceNode node = node("journeys", database, Map.of())) {
      xact0 = committedTransactions(database);
      result = new JourneyThroughput(node, database, clients).run(cases, cohorts, LocalDate.of(2030, 1, 7));
      xact1 = committedTransactions(database);
    } finally {
      ClockUtil.reset();
    }
    PgBench.Sample after = pgbench.tpcb("after B1");
    double ceiling = Stats.mean(pgbench.samples().get(pgbench.samples().size() - 2).roundTripsPerSecond(),
        after.roundTripsPerSecond());
    double ratio = result.roundTripsPerSecond() / ceiling;
    double[] cpu = cpuMean(result.measured().stream().map(JourneyThroughput.Cohort::cpu).toList());
    summary.add("| B1 whole journeys (real models) | ≥ 60 % of the round-trip ceiling | " + f2(result.journeysPerSecond())
        + " journeys/s, " + f0(result.commitsPerSecond()) + " transactions/s = " + pct(ratio) + " of the ceiling | "
        + verdict(ratio >= 0.60, "missed by " + f0((0.60 - ratio) * 100) + " points") + " |");
    return """
        ## B1 Journey throughput

        Whole journeys of the real models from referral to closure at month 12 on one service node \
        (profile `postgres`, history full, authorization on, mails sent to an in-process SMTP server), \
        %d cases at a time, at most %d of them in an engine call at once (as %d caseworkers), every task \
        claimed and completed as a caseworker of its group, the engine clock moved day by day and the \
        timers fired by the node's job executor. %d cohorts, the first one warm-up.

        | | |
        |---|---|
        | journeys measured | %d in %s s |
        | journeys/s | %s |
        | tasks completed/s | %s |
        | transactions/s (JDBC commits) | %s (PostgreSQL counted %s committed transactions in the database in the whole run) |
        | round trips/s | %s |
        | per journey | %s round trips, %s commits |
        | round-trip ceiling (pgbench TPC-B tps × 7, before and after) | %s round trips/s |
        | **share of the ceiling** | **%s** (goal ≥ 60 %%; bare engine 31–53 %%) |
        | CPU during the measured cohorts | JVM %s, PostgreSQL %s (of 200 %%) |

        """.formatted(cases, clients, clients, cohorts, result.journeys(), f1(result.seconds()),
        f2(result.journeysPerSecond()), f1(result.tasksPerSecond()), f0(result.commitsPerSecond()),
        f0(xact1 - xact0), f0(result.roundTripsPerSecond()), f0(result.roundTripsPerJourney()),
        f1(result.commitsPerJourney()), f0(ceiling), pct(ratio), pct(cpu[0]), pct(cpu[1]));
  }

  // ---- B1: the service's layers against the bare engine

  private String b1Micro() throws Exception {
    int seconds = intProperty("bench.micro.seconds", 45);
    int rounds = intProperty("bench.micro.rounds", 2);
    int clients = intProperty("bench.b1.clients", 8);
    java.time.Duration warmUp = java.time.Duration.ofSeconds(15);
    java.time.Duration window = java.time.Duration.ofSeconds(seconds);
    List<MicroJourney.Result> bare = new ArrayList<>();
    List<MicroJourney.Result> service = new ArrayList<>();
    List<MicroJourney.Result> diagnostics = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      bare.add(bareMicro(clients, warmUp, window));
      System.out.printf("[B1micro] bare engine: %.1f journeys/s%n", bare.get(r).journeysPerSecond());
      service.add(serviceMicro("service", Map.of(), clients, warmUp, window));
      System.out.printf("[B1micro] service: %.1f journeys/s%n", service.get(r).journeysPerSecond());
    }
    // what the service's layers cost: the same run without mail sending, and without authorization
    diagnostics.add(serviceMicro("service without sending mails", Map.of("app.notification.sender-enabled", "false"),
        clients, warmUp, window));
    diagnostics.add(serviceMicro("service without authorization checks", Map.of("camunda.bpm.authorization.enabled",
        "false"), clients, warmUp, window));
    double bareRate = Stats.median(bare.stream().map(MicroJourney.Result::journeysPerSecond).toList());
    double serviceRate = Stats.median(service.stream().map(MicroJourney.Result::journeysPerSecond).toList());
    double cost = bareRate / serviceRate - 1;
    double ratio = bareRate / serviceRate;
    summary.add("| B1 micro-journey, service vs bare engine | at most 1.4× the bare engine's time per journey | "
        + f1(serviceRate) + " vs " + f1(bareRate) + " journeys/s: " + f2(ratio) + "× | "
        + verdict(ratio <= 1.4, "missed by " + f2(ratio - 1.4)) + " |");
    StringBuilder rows = new StringBuilder();
    for (int r = 0; r < rounds; r++) {
      for (MicroJourney.Result m : List.of(bare.get(r), service.get(r))) {
        rows.append(microRow(String.valueOf(r + 1), m));
      }
    }
    for (MicroJourney.Result m : diagnostics) {
      rows.append(microRow("diagnosis", m));
    }
    // where the commits come from, in the last round of each
    Map<String, Double> bareOrigins = bare.get(rounds - 1).commitsPerJourneyByOrigin();
    Map<String, Double> serviceOrigins = service.get(rounds - 1).commitsPerJourneyByOrigin();
    java.util.Set<String> origins = new java.util.TreeSet<>(bareOrigins.keySet());
    origins.addAll(serviceOrigins.keySet());
    StringBuilder originRows = new StringBuilder();
    for (String origin : origins) {
      originRows.append("| ").append(origin).append(" | ").append(f2(bareOrigins.getOrDefault(origin, 0.0)))
          .append(" | ").append(f2(serviceOrigins.getOrDefault(origin, 0.0))).append(" |\n");
    }
    return """
        ## B1 The service's own layers on the anchors' micro-journey

        The micro-journey of the performance anchors (start with 3 variables → user task for a group → \
        complete with 1 variable → timer PT0S → asynchronous service task → end), closed loop with %d \
        clients, history full, UUID ids, on the bare engine (camunda-engine alone, no authorization, the \
        same job executor settings) and on the service (Spring Boot, authorization on, the caseworker's \
        calls authenticated, the service's task listeners: a notification per task into the outbox and \
        sent to the SMTP server, which runs in the benchmark's JVM; the service's schedulers running). \
        Rounds alternate; %d s after 15 s of warm-up, the window ends when every started journey has ended. \
        The two diagnosis rows switch off one layer each, to show what it costs.

        | round | engine | journeys | journeys/s | round trips per journey | commits per journey | client p50 / p95 / p99 (start + query + complete) | CPU JVM / PostgreSQL |
        |---|---|---|---|---|---|---|---|
        %s
        Median: service %s journeys/s, bare engine %s journeys/s; the service needs **%s×** the bare engine's \
        time per journey (%s more; goal at most 1.4×).

        Commits per journey by where they come from (last round; the first frame of the service's own \
        code on the committing thread, else the engine's job executor or the engine API the client called):

        | origin | bare engine | service |
        |---|---|---|
        %s
        """.formatted(clients, seconds, rows, f1(serviceRate), f1(bareRate), f2(ratio), pct(cost), originRows);
  }

  private MicroJourney.Result bareMicro(int clients, java.time.Duration warmUp, java.time.Duration window)
      throws Exception {
    String database = TestDatabase.sibling("bench_bare");
    ProcessEngine engine = MicroJourney.bareEngine(database);
    try {
      return MicroJourney.run("bare engine", engine, database, Runnable::run, clients, warmUp, window);
    } finally {
      engine.close();
    }
  }

  private MicroJourney.Result serviceMicro(String label, Map<String, Object> overrides, int clients,
      java.time.Duration warmUp, java.time.Duration window) throws Exception {
    String database = TestDatabase.sibling("bench_micro");
    TestDatabase.recreate(database);
    try (ServiceNode node = node("micro", database, overrides)) {
      return MicroJourney.run(label, node.engine(), database, MicroJourney.caseworker(node.engine()), clients, warmUp,
          window);
    }
  }

  private static String microRow(String round, MicroJourney.Result m) {
    return "| " + round + " | " + m.target() + " | " + m.journeys() + " in " + f1(m.seconds()) + " s | "
        + f1(m.journeysPerSecond()) + " | " + f1(m.roundTripsPerJourney()) + " | " + f1(m.commitsPerJourney())
        + " | " + f0(m.p50Ms()) + " / " + f0(m.p95Ms()) + " / " + f0(m.p99Ms()) + " ms | " + pct(m.cpu()[0])
        + " / " + pct(m.cpu()[1]) + " |\n";
  }

  // ---- B2: the database budget (a test; figures from its budget file)

  private String b2() throws Exception {
    Properties budget = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("performance/db-budget.properties")) {
      budget.load(in);
    }
    Map<String, long[]> ops = new TreeMap<>();
    budget.forEach((k, v) -> {
      String[] p = ((String) v).trim().split("\\s+");
      ops.put((String) k, new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])});
    });
    StringBuilder rows = new StringBuilder();
    ops.forEach((op, u) -> rows.append("| `").append(op).append("` | ").append(u[0]).append(" | ")
        .append(f1((double) u[1] / u[0])).append(" | ").append(f1((double) u[2] / u[0])).append(" |\n"));
    long[] journey = ops.get("journey");
    summary.add("| B2 database budget | no increase (a test in `./mvnw verify`) | " + f0(journey[1])
        + " round trips, " + journey[2] + " commits per whole journey | enforced by `DatabaseBudgetIT` |");
    return """
        ## B2 Database budget

        Round trips and commits of every operation of one whole journey on PostgreSQL, counted through a \
        JDBC proxy by `DatabaseBudgetIT`, which runs in `./mvnw verify` and fails on any change against \
        `src/test/resources/performance/db-budget.properties` (figures below are from that file). A \
        round trip is a statement executed on its own, a JDBC batch, a commit or a rollback. Bare-engine \
        anchors (history full): start 12.4, complete 25.2, timer 16.1 round trips.

        | operation | times per journey | round trips each (mean) | commits each (mean) |
        |---|---|---|---|
        %s
        """.formatted(rows);
  }

  // ---- B3: task list

  private String b3() throws Exception {
    int tasks = intProperty("bench.b3.tasks", 100_000);
    int iterations = intProperty("bench.b3.iterations", 200);
    TaskListLatency.ensureDatabase();
    TaskListLatency.Result result;
    double seeded;
    try (ServiceNode node = node("tasks", TaskListLatency.DATABASE, Map.of("camunda.bpm.job-execution.enabled",
        "false", "app.notification.sender-enabled", "false", "app.notification.reminders-enabled", "false"))) {
      seeded = TaskListLatency.seed(node, tasks, 8);
      TaskListLatency.vacuumAnalyze();
      result = TaskListLatency.measure(node, iterations);
    }
    StringBuilder rows = new StringBuilder();
    double worst = 0;
    for (TaskListLatency.Latency l : result.latencies()) {
      rows.append("| ").append(l.query()).append(" | ").append(l.rows()).append(" | ").append(f1(l.p50()))
          .append(" | ").append(f1(l.p95())).append(" | ").append(f1(l.max())).append(" |\n");
      if (!l.query().startsWith("variables")) {
        worst = Math.max(worst, l.p95());
      }
    }
    summary.add("| B3 task list, 100k open tasks | p95 ≤ 25 ms | worst p95 " + f1(worst) + " ms (list and count) | "
        + verdict(worst <= 25, "missed by " + f1(worst - 25) + " ms") + " |");
    return """
        ## B3 Task list at %s open tasks

        %s open tasks of cases of every organisation and partner (%s match the measured CMM caseworker: \
        their group's tasks or assigned to them), created through the service (case record, participation \
        grants, candidate group authorization)%s, then vacuumed and analysed as autovacuum would. One \
        caseworker, authorization checks on, 20 warm-up calls then %d timed calls each, one at a time.

        | query | rows | p50 ms | p95 ms | max ms |
        |---|---|---|---|---|
        %s
        """.formatted(f0(tasks), f0(result.openTasks()), f0(result.matching()),
        seeded > 0 ? " (seeded in this run in " + f0(seeded) + " s)" : " (seeded by an earlier run)", iterations,
        rows);
  }

  // ---- B4: timer burst on two nodes

  private String b4() throws Exception {
    int timers = intProperty("bench.b4.timers", 10_000);
    int runs = intProperty("bench.b4.runs", 2);
    List<Timers.Burst> bursts = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      String database = TestDatabase.sibling("bench_burst");
      TestDatabase.recreate(database);
      // one after the other: Spring Boot's logging set-up is not safe for two applications starting at
      // once in one JVM (it failed with a Logback configuration error)
      try (ServiceNode nodeA = node("burstA", database, Map.of()); ServiceNode nodeB = node("burstB", database,
          Map.of())) {
        Timers.Burst burst = Timers.burst(nodeA, nodeB, database, timers);
        bursts.add(burst);
        System.out.printf("[B4] %d timers drained in %.1f s by %s%n", timers, burst.drainSeconds(), burst.byNode());
      }
    }
    double drain = Stats.median(bursts.stream().map(Timers.Burst::drainSeconds).toList());
    long duplicates = bursts.stream().mapToLong(b -> b.repeatedSideEffects() + b.committedTwice()).sum();
    summary.add("| B4 timer burst, " + f0(timers) + " timers, 2 nodes | ≤ 30 s, 0 duplicates | " + f1(drain)
        + " s (median of " + runs + "), " + duplicates + " duplicates | "
        + verdict(drain <= 30 && duplicates == 0, drain > 30 ? "missed by " + f1(drain - 30) + " s" : "duplicates")
        + " |");
    StringBuilder rows = new StringBuilder();
    for (Timers.Burst b : bursts) {
      rows.append("| ").append(f1(b.drainSeconds())).append(" s | ").append(f0(b.jobsPerSecond())).append(" | ")
          .append(b.byNode()).append(" | ").append(b.repeatedSideEffects()).append(" | ").append(b.committedTwice())
          .append(" | ").append(b.failedExecutions()).append(" | ").append(b.incidents()).append(" | ")
          .append(pct(b.cpu()[0])).append(" / ").append(pct(b.cpu()[1])).append(" |\n");
    }
    return """
        ## B4 Timer burst

        %s instances whose timers are due at the same moment (timer → service task with a side effect → \
        end, history full) on two service nodes in one JVM sharing one PostgreSQL database, each with the \
        service's job executor settings; the timers are created suspended and released at once. Drain \
        time = from the release until every side effect happened and no job is left. Bare-engine anchor: \
        42.0 s (2 nodes × 8 threads, UUID ids).

        | drain | jobs/s | side effects by node | side effect repeated | committed twice | failed executions | incidents | CPU JVM (both nodes) / PostgreSQL |
        |---|---|---|---|---|---|---|---|
        %s
        """.formatted(f0(timers), rows);
  }

  // ---- B5: idle timer lateness

  private String b5() throws Exception {
    int timers = intProperty("bench.b5.timers", 30);
    long spacing = intProperty("bench.b5.spacing", 4000);
    String database = TestDatabase.sibling("bench_idle");
    TestDatabase.recreate(database);
    Timers.Lateness lateness;
    try (ServiceNode node = node("idle", database, Map.of())) {
      Thread.sleep(10_000); // let the job executor settle into its idle waits
      lateness = Timers.idle(node, timers, spacing);
    }
    summary.add("| B5 idle timer lateness | p95 ≤ 6 s | p95 " + f1(lateness.p95()) + " s | "
        + verdict(lateness.p95() <= 6, "missed by " + f1(lateness.p95() - 6) + " s") + " |");
    return """
        ## B5 Timer lateness on an idle node

        %d timers falling due one by one, every %d ms on average (at random points), on a service node \
        with nothing else to do; lateness = when the step after the timer ran − the timer's due time.

        | p50 | p95 | max |
        |---|---|---|
        | %s s | %s s | %s s |

        """.formatted(lateness.timers(), spacing, f1(lateness.p50()), f1(lateness.p95()), f1(lateness.max()));
  }

  // ---- B6: start-up and memory

  private String b6() throws Exception {
    int rounds = intProperty("bench.b6.rounds", 3);
    String[] jvm = System.getProperty("bench.b6.jvm", "").isBlank() ? new String[0]
        : System.getProperty("bench.b6.jvm").trim().split("[\\s,]+");
    List<Startup.Start> starts = Startup.measure(rounds, jvm);
    StringBuilder rows = new StringBuilder();
    for (Startup.Start s : starts) {
      rows.append("| ").append(s.first() ? "first start (empty ./data)" : "restart").append(" | ")
          .append(f1(s.readySeconds())).append(" s | ").append(s.rssReadyMiB()).append(" MiB | ")
          .append(s.rssAfterWorkMiB()).append(" MiB | ").append(s.peakMiB()).append(" MiB |\n");
    }
    double firstReady = Stats.median(starts.stream().filter(Startup.Start::first).map(Startup.Start::readySeconds)
        .toList());
    double restartReady = Stats.median(starts.stream().filter(s -> !s.first()).map(Startup.Start::readySeconds)
        .toList());
    double peak = Stats.median(starts.stream().map(Startup.Start::peakMiB).toList());
    boolean met = firstReady <= 15 && restartReady <= 15 && peak <= 700;
    summary.add("| B6 start-up and memory, embedded default | ready ≤ 15 s, RSS ≤ 700 MB | ready " + f1(firstReady)
        + " s (first) / " + f1(restartReady) + " s (restart), peak RSS " + f0(peak) + " MiB | "
        + verdict(met, (firstReady > 15 || restartReady > 15 ? "start-up " : "") + (peak > 700 ? "memory" : ""))
        + " |");
    return """
        ## B6 Start-up and memory on the embedded default

        The packaged jar (`java %s-jar target/prepared-return-*.jar`; by default with the JVM options of \
        `./mvnw -Prun` (spring-boot:run) from `pom.xml`) in a new folder: the first start \
        creates the H2 database, the demo users and the demo cases; the restart finds them. Ready = the \
        readiness probe answers 200 and Tasklist is served, measured from the process start. Memory = \
        resident set (VmRSS) when ready and after 20 rounds of Tasklist, REST API and reports requests; \
        peak = VmHWM.

        | start | ready after | RSS when ready | RSS after work | peak RSS |
        |---|---|---|---|---|
        %s
        Medians: first start %s s, restart %s s, peak RSS %s MiB. The packaged jar has no mail catcher \
        (GreenMail is left out of it); the run command below has one.

        """.formatted(jvm.length == 0 ? "" : String.join(" ", jvm) + " ", rows, f1(firstReady), f1(restartReady),
        f0(peak)) + b6Newcomer();
  }

  /** B6, the newcomer's first start with Maven from an empty build (issue 16): goal 25 s on a quiet machine. */
  private String b6Newcomer() throws Exception {
    int rounds = intProperty("bench.b6.newcomer.rounds", 3);
    if (rounds <= 0) {
      return "";
    }
    List<Newcomer.Start> starts = Newcomer.measure(rounds);
    StringBuilder rows = new StringBuilder();
    for (Newcomer.Start s : starts) {
      rows.append("| ").append(s.first() ? "first start (no target/, no data/)" : "again in the same folder")
          .append(" | ").append(f1(s.readySeconds())).append(" s | ").append(f1(s.mavenSeconds())).append(" s | ")
          .append(f1(s.serviceSeconds())).append(" s | ").append(s.mainSourcesCompiled()).append(" | ")
          .append(s.testsCompiled() ? "**yes**" : "no").append(" | ").append(s.load()).append(" |\n");
    }
    List<Newcomer.Start> firsts = starts.stream().filter(Newcomer.Start::first).toList();
    double first = Stats.median(firsts.stream().map(Newcomer.Start::readySeconds).toList());
    double maven = Stats.median(firsts.stream().map(Newcomer.Start::mavenSeconds).toList());
    double service = Stats.median(firsts.stream().map(Newcomer.Start::serviceSeconds).toList());
    double again = Stats.median(starts.stream().filter(s -> !s.first()).map(Newcomer.Start::readySeconds).toList());
    boolean testsCompiled = starts.stream().anyMatch(Newcomer.Start::testsCompiled);
    double goal = 25;
    summary.add("| B6 newcomer's first start, `" + String.join(" ", Newcomer.COMMAND) + "` from an empty build | ≤ "
        + f0(goal) + " s (quiet machine, warm ~/.m2) | " + f1(first) + " s (median of " + firsts.size() + "; Maven "
        + f1(maven) + " s, service " + f1(service) + " s) = " + pct(first / goal) + " of the goal; again " + f1(again)
        + " s | " + verdict(first <= goal && !testsCompiled, testsCompiled ? "the tests were compiled" : "start-up")
        + " |");
    return """
        ### B6 The newcomer's first start with Maven

        The README's run command `%s` in a fresh copy of the repository's files (tracked and untracked, not \
        ignored: no `target/`, no `data/`), with the local Maven repository warm from this benchmark's own build, \
        timed from starting the command until the readiness probe answers 200 and Tasklist is served. "Service" is \
        the time the service's own ready line gives ("s after the JVM started"), "Maven" the rest (Maven's start, \
        compiling the main classes, the fork). Then the same command again in the same folder. Load = the \
        1-minute load average just before the start.

        | start | ready after | Maven | service | main sources compiled | tests compiled | load |
        |---|---|---|---|---|---|---|
        %s
        Medians of the first starts: %s s to ready (Maven %s s, service %s s) against the goal of %s s: %s. \
        Again in the same folder: %s s.

        """.formatted(String.join(" ", Newcomer.COMMAND), rows, f1(first), f1(maven), f1(service), f0(goal),
        pct(first / goal), f1(again));
  }

  // ---- helpers

  private ServiceNode node(String name, String database, Map<String, Object> overrides) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "ERROR");
    properties.putAll(overrides);
    return ServiceNode.start(name, database, properties, BenchBeans.class);
  }

  private static long committedTransactions(String database) throws Exception {
    try (var db = TestDatabase.connect(database); var st = db.createStatement();
        var rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double[] cpuMean(List<double[]> samples) {
    return new double[] {samples.stream().mapToDouble(s -> s[0]).average().orElse(Double.NaN),
        samples.stream().mapToDouble(s -> s[1]).average().orElse(Double.NaN)};
  }

  private static String verdict(boolean met, String otherwise) {
    return met ? "met" : "**not met**: " + otherwise;
  }

  private static int intProperty(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", " ").trim() + " kB";
    } catch (Exception e) {
      return "unknown";
    }
  }
}
