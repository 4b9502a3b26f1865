package dk.preparedreturn.bench;

import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;

/** B4 (a burst of timers due at once, drained by two nodes) and B5 (lateness of timers on an idle node). */
final class Timers {

  /** What the burst measured. */
  record Burst(int timers, double drainSeconds, Map<String, Long> byNode, long repeatedSideEffects,
      long committedTwice, long failedExecutions, long incidents, double[] cpu) {

    double jobsPerSecond() {
      return timers / drainSeconds;
    }
  }

  /** Due-to-fired lateness of timers on an idle node, in seconds. */
  record Lateness(int timers, double p50, double p95, double max) {
  }

  private Timers() {
  }

  /**
   * Seeds {@code timers} instances of the timer model with their timers suspended (due already),
   * releases them all at once and waits until both nodes have run every one.
   */
  static Burst burst(ServiceNode a, ServiceNode b, String database, int timers) throws Exception {
    ProcessEngine engine = a.engine();
    BenchModels.deploy(engine, BenchModels.TIMER, BenchModels.timer());
    ManagementService management = engine.getManagementService();
    management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(BenchModels.TIMER).suspend();
    Date due = new Date();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> seeding = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      ProcessEngine seeder = t % 2 == 0 ? a.engine() : b.engine();
      seeding.add(pool.submit(() -> {
        while (next.getAndIncrement() < timers) {
          seeder.getRuntimeService().startProcessInstanceByKey(BenchModels.TIMER,
              Variables.createVariables().putValue("due", due));
        }
        return null;
      }));
    }
    for (Future<?> f : seeding) {
      f.get();
    }
    pool.shutdown();
    long suspended = management.createJobQuery().processDefinitionKey(BenchModels.TIMER).suspended().count();
    if (suspended != timers) {
      throw new IllegalStateException(suspended + " suspended timers, expected " + timers);
    }
    BenchBeans.EFFECTS.clear();
    Cpu cpu0 = Cpu.now();
    long t0 = System.nanoTime();
    management.updateJobDefinitionSuspensionState().byProcessDefinitionKey(BenchModels.TIMER).includeJobs(true)
        .activate();
    a.jobExecutor().jobWasAdded();
    b.jobExecutor().jobWasAdded();
    long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
    while (BenchBeans.EFFECTS.size() < timers
        || management.createJobQuery().processDefinitionKey(BenchModels.TIMER).count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("burst not drained within 10 minutes: " + BenchBeans.EFFECTS.size()
            + " of " + timers);
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] cpu = Cpu.now().since(cpu0);
    Map<String, Long> byNode = new TreeMap<>();
    BenchBeans.EFFECTS.values().forEach(e -> byNode.merge(e.node(), 1L, Long::sum));
    long repeated = BenchBeans.EFFECTS.values().stream().filter(e -> e.runs().get() > 1).count();
    long committedTwice;
    long failed;
    try (Connection db = TestDatabase.connect(database); Statement st = db.createStatement()) {
      committedTwice = single(st, "SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_actinst WHERE act_id_ ="
          + " 'ServiceTask_SideEffect' GROUP BY proc_inst_id_ HAVING count(*) > 1) x");
      failed = single(st, "SELECT count(*) FROM act_hi_job_log WHERE process_def_key_ = '" + BenchModels.TIMER
          + "' AND job_state_ = 1");
    }
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    return new Burst(timers, seconds, byNode, repeated, committedTwice, failed, incidents, cpu);
  }

  /**
   * Starts {@code timers} instances whose timers fall due one after another over a few minutes on
   * an otherwise idle node, and measures how late each fired.
   */
  static Lateness idle(ServiceNode node, int timers, long spacingMillis) throws Exception {
    ProcessEngine engine = node.engine();
    BenchModels.deploy(engine, BenchModels.TIMER, BenchModels.timer());
    BenchBeans.EFFECTS.clear();
    Map<String, Long> dueById = new TreeMap<>();
    long first = System.currentTimeMillis() + 15_000;
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < timers; i++) {
      long due = first + i * spacingMillis + random.nextInt((int) spacingMillis);
      String id = engine.getRuntimeService().startProcessInstanceByKey(BenchModels.TIMER,
          Variables.createVariables().putValue("due", new Date(due))).getId();
      dueById.put(id, due);
    }
    long deadline = first + timers * spacingMillis + 60_000;
    while (BenchBeans.EFFECTS.size() < timers) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("only " + BenchBeans.EFFECTS.size() + " of " + timers + " timers fired");
      }
      Thread.sleep(100);
    }
    List<Double> late = new ArrayList<>();
    dueById.forEach((id, due) -> late.add((BenchBeans.EFFECTS.get(id).firstRunAtMillis() - due) / 1000.0));
    return new Lateness(timers, Stats.percentile(late, 50), Stats.percentile(late, 95), Stats.max(late));
  }

  private static long single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
