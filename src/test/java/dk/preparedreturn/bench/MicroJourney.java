package dk.preparedreturn.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.preparedreturn.testsupport.RoundTrips;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * B1, second part: the same micro-journey on the bare engine and on the service, to show what the
 * service's own layers (Spring transactions, the task notifications and participation listeners,
 * authorization checks of the caseworkers' calls, metrics, schedulers) cost. Closed loop: client
 * threads start an instance, find its task and complete it; the job executor fires the timer and
 * the asynchronous step; the clients pause while more than 4 journeys per client are in flight, and
 * the window ends when every started journey has ended (no backlog).
 */
final class MicroJourney {

  /** What one run measured. */
  record Result(String target, int clients, double seconds, long journeys, double journeysPerSecond,
      double roundTripsPerJourney, double commitsPerJourney, double p50Ms, double p95Ms, double p99Ms,
      double[] cpu, java.util.Map<String, Double> commitsPerJourneyByOrigin) {
  }

  private MicroJourney() {
  }

  /** The bare engine (camunda-engine alone, as in the performance anchors) with the service's job executor settings. */
  static ProcessEngine bareEngine(String database) {
    TestDatabase.recreate(database);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(TestDatabase.url(database));
    pool.setUsername(TestDatabase.USER);
    pool.setPassword(TestDatabase.PASSWORD);
    pool.setMaximumPoolSize(12);
    pool.setAutoCommit(false);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(RoundTrips.wrap(new HikariDataSource(pool)));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJdbcBatchProcessing(true);
    configuration.setBeans(Map.of("benchNoop", (JavaDelegate) execution -> BenchBeans.NOOP_RUNS.incrementAndGet()));
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(4);
    jobExecutor.setMaxPoolSize(8);
    jobExecutor.setQueueSize(16);
    jobExecutor.setMaxJobsPerAcquisition(8);
    jobExecutor.setWaitTimeInMillis(2000);
    jobExecutor.setMaxWait(5000);
    jobExecutor.setBackoffTimeInMillis(50);
    jobExecutor.setMaxBackoff(1000);
    jobExecutor.setLockTimeInMillis(60000);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    return configuration.buildProcessEngine();
  }

  /**
   * Runs the closed loop on the engine. {@code asCaseworker} runs the finding and completing of the
   * task as a caseworker (with the caseworker's authentication on the service).
   */
  static Result run(String target, ProcessEngine engine, String database, Consumer<Runnable> asCaseworker, int clients,
      Duration warmUp, Duration window) throws Exception {
    BenchModels.deployMicro(engine);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicLong started = new AtomicLong();
    long noopBefore = BenchBeans.NOOP_RUNS.get();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    int inFlightLimit = 4 * clients;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        try {
          while (!stop.get()) {
            if (started.get() - (BenchBeans.NOOP_RUNS.get() - noopBefore) > inFlightLimit) {
              Thread.sleep(2);
              continue;
            }
            long t0 = System.nanoTime();
            // no business key: in the service a business key is a case reference, and this is no case
            String id = engine.getRuntimeService().startProcessInstanceByKey(BenchModels.MICRO,
                Variables.createVariables().putValue("group", "cmm")
                    .putValue("amount", 7).putValue("region", "north")).getId();
            started.incrementAndGet();
            asCaseworker.accept(() -> {
              Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
              engine.getTaskService().complete(task.getId(), Variables.createVariables().putValue("approved", true));
            });
            if (measuring.get()) {
              latencies.add(System.nanoTime() - t0);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
        return null;
      });
    }
    Thread.sleep(warmUp.toMillis());
    long finished0 = finished(engine);
    long rt0 = RoundTrips.totalRoundTrips();
    long commits0 = RoundTrips.totalCommits();
    RoundTrips.countCommitOrigins();
    Cpu cpu0 = Cpu.now();
    long t0 = System.nanoTime();
    measuring.set(true);
    Thread.sleep(window.toMillis());
    measuring.set(false);
    stop.set(true);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(target + ": a client failed", failures.get(0));
    }
    // the backlog is watched through a connection of the benchmark's own (not counted as the engine's)
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    try (Connection db = TestDatabase.connect(database);
        PreparedStatement jobs = db.prepareStatement("SELECT count(*) FROM act_ru_job WHERE process_def_key_ = ?")) {
      jobs.setString(1, BenchModels.MICRO);
      while (true) {
        long left;
        try (ResultSet rs = jobs.executeQuery()) {
          rs.next();
          left = rs.getLong(1);
        }
        if (left == 0 && BenchBeans.NOOP_RUNS.get() - noopBefore >= started.get()) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(target + ": backlog not drained within 3 minutes");
        }
        Thread.sleep(20);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Cpu cpu1 = Cpu.now();
    long journeys = finished(engine) - finished0;
    double rt = RoundTrips.totalRoundTrips() - rt0;
    double commits = RoundTrips.totalCommits() - commits0;
    java.util.Map<String, Double> origins = new java.util.TreeMap<>();
    RoundTrips.commitOrigins().forEach((origin, n) -> origins.put(origin, (double) n / journeys));
    List<Double> ms = latencies.stream().map(n -> n / 1e6).toList();
    return new Result(target, clients, seconds, journeys, journeys / seconds, rt / journeys, commits / journeys,
        Stats.percentile(ms, 50), Stats.percentile(ms, 95), Stats.percentile(ms, 99), cpu1.since(cpu0), origins);
  }

  /** Runs the action with the authentication of the CMM test caseworker. */
  static Consumer<Runnable> caseworker(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    TestUsers.ensure(identity);
    return action -> {
      identity.setAuthentication(TestUsers.CMM_CASEWORKER, List.of("cmm"));
      try {
        action.run();
      } finally {
        identity.clearAuthentication();
      }
    };
  }

  private static long finished(ProcessEngine engine) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(BenchModels.MICRO)
        .finished().count();
  }
}
