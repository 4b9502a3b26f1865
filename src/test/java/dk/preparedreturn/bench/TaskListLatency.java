package dk.preparedreturn.bench;

import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * B3: Tasklist's queries with 100,000 open tasks. The tasks belong to cases of every organisation
 * and partner (a case record, the case's participation grants and the task's candidate group, as
 * the service creates them), with due dates from 30 days ago to 120 days ahead; some are assigned.
 * A CMM caseworker (group {@code cmm}: 20,000 of the tasks, 200 assigned to them) asks, with
 * authorization checks on:
 * <ul>
 *   <li>the query: "my groups or assigned to me", first page of 50 by due date, and its count;</li>
 *   <li>Tasklist's "Min organisation" filter: first page of 50 and count, and the page's variables
 *   (the case reference and deadline columns) as Tasklist fetches them.</li>
 * </ul>
 * The seeded database is kept between runs (it takes minutes to seed); the service's migrations
 * bring it to the current schema (indexes included) at every start.
 */
final class TaskListLatency {

  static final String DATABASE = TestDatabase.sibling("bench_tasks");
  static final String USER = "cmm-bench";
  static final LocalDate DUE_BASE = LocalDate.of(2026, 12, 1);
  /** Groups and their share of the tasks, in percent. */
  static final Map<String, Integer> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("cmm", 20);
    GROUPS.put("udlaendingestyrelsen", 10);
    GROUPS.put("hjemrejsestyrelsen", 15);
    GROUPS.put("drc", 15);
    GROUPS.put("politi", 5);
    GROUPS.put("partner-ng", 15);
    GROUPS.put("partner-th", 10);
    GROUPS.put("partner-ug", 5);
    GROUPS.put("partner-ro", 5);
  }

  /** p50/p95 of one query, in ms. */
  record Latency(String query, double p50, double p95, double max, long rows) {
  }

  record Result(long openTasks, long matching, List<Latency> latencies, double seedSeconds) {
  }

  private TaskListLatency() {
  }

  /** Makes sure the database exists (it is not reset: the seed is kept). */
  static void ensureDatabase() throws Exception {
    try (Connection admin = TestDatabase.connect("postgres"); Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!rs.next()) {
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  /** Seeds open tasks until there are {@code target}; returns the seconds it took. */
  static double seed(ServiceNode node, int target, int threads) throws Exception {
    ProcessEngine engine = node.engine();
    BenchModels.deploy(engine, BenchModels.OPEN_TASK, BenchModels.openTask());
    IdentityService identity = engine.getIdentityService();
    TestUsers.ensure(identity, USER, "cmm", "Bench-Caseworker-Pw-1!");
    long existing = engine.getTaskService().createTaskQuery().taskDefinitionKey(BenchModels.OPEN_TASK_ACTIVITY)
        .count();
    if (existing >= target) {
      return 0;
    }
    long t0 = System.nanoTime();
    int from = (int) existing;
    insertCaseFiles(from, target);
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < target; i = next.getAndIncrement()) {
          String caseRef = caseRef(i);
          String group = group(i);
          engine.getRuntimeService().startProcessInstanceByKey(BenchModels.OPEN_TASK, caseRef,
              Variables.createVariables().putValue("caseRef", caseRef).putValue("group", group)
                  .putValue("dueDate", due(i)).putValue("departureDeadline", DUE_BASE.plusDays(i % 60).toString()));
          String assignee = assignee(i, group);
          if (assignee != null) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef).singleResult();
            engine.getTaskService().setAssignee(task.getId(), assignee);
          }
          if (i % 5000 == 0) {
            System.out.printf("[B3] seeded %d of %d open tasks%n", i, target);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Vacuums and analyses the task tables, as autovacuum does on a running system some time after a
   * load (a freshly seeded database has no statistics, and plans on it say nothing).
   */
  static void vacuumAnalyze() throws Exception {
    try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement()) {
      st.execute("VACUUM (ANALYZE) act_ru_task, act_ru_identitylink, act_ru_authorization, act_ru_variable,"
          + " act_ru_execution, case_file, case_participant");
    }
  }

  static Result measure(ServiceNode node, int iterations) {
    ProcessEngine engine = node.engine();
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    Filter organisation = filters.createFilterQuery().filterName("Min organisation").singleResult();
    List<String> groups = List.of("cmm");
    Map<String, Supplier<Long>> queries = new LinkedHashMap<>();
    queries.put("my groups or assigned to me: first 50 by due date", () -> (long) engine.getTaskService()
        .createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(USER).endOr().orderByDueDate().asc()
        .listPage(0, 50).size());
    queries.put("my groups or assigned to me: count", () -> engine.getTaskService().createTaskQuery().or()
        .taskCandidateGroupIn(groups).taskAssignee(USER).endOr().count());
    queries.put("filter \"Min organisation\": first 50", () -> (long) filters.listPage(organisation.getId(), 0, 50)
        .size());
    queries.put("filter \"Min organisation\": count", () -> filters.count(organisation.getId()));
    queries.put("variables of a page (case reference, deadline)", () -> {
      List<Task> page = filters.listPage(organisation.getId(), 0, 50);
      String[] instances = page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
      return (long) engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instances)
          .variableNameIn("caseRef", "departureDeadline").listPage(0, 500).size();
    });
    List<Latency> latencies = new ArrayList<>();
    identity.setAuthentication(USER, groups);
    try {
      for (Map.Entry<String, Supplier<Long>> query : queries.entrySet()) {
        long rows = 0;
        for (int i = 0; i < 20; i++) {
          rows = query.getValue().get(); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
          long t0 = System.nanoTime();
          query.getValue().get();
          ms.add((System.nanoTime() - t0) / 1e6);
        }
        latencies.add(new Latency(query.getKey(), Stats.percentile(ms, 50), Stats.percentile(ms, 95),
            Stats.max(ms), rows));
      }
      long matching = engine.getTaskService().createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(USER)
          .endOr().count();
      identity.clearAuthentication();
      long open = engine.getTaskService().createTaskQuery().count();
      return new Result(open, matching, latencies, 0);
    } finally {
      identity.clearAuthentication();
    }
  }

  static String caseRef(int i) {
    return String.format("BT-%07d", i);
  }

  static String group(int i) {
    int bucket = Math.floorMod(i * 37, 100);
    int sum = 0;
    for (Map.Entry<String, Integer> g : GROUPS.entrySet()) {
      sum += g.getValue();
      if (bucket < sum) {
        return g.getKey();
      }
    }
    throw new IllegalStateException();
  }

  static Date due(int i) {
    LocalDate day = DUE_BASE.minusDays(30).plusDays(Math.floorMod(i * 7919, 150));
    return Date.from(day.atTime(23, 59).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());
  }

  /** 1 % of the CMM tasks are assigned to the measured caseworker, 25 % of all to other caseworkers. */
  static String assignee(int i, String group) {
    if (group.equals("cmm") && (i / 100) % 100 == 0) {
      return USER;
    }
    return i % 4 == 2 ? group + "-other-" + (i % 7) : null;
  }

  private static void insertCaseFiles(int from, int to) throws Exception {
    try (Connection db = TestDatabase.connect(DATABASE)) {
      db.setAutoCommit(false);
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO case_file (case_ref, referrer_reference,"
          + " referring_organisation, referral_fingerprint, residence_status, country_of_return, partner_group,"
          + " referral_date, phase, phase_since, created_at, created_by, home_country) VALUES (?, ?, 'politi', 'bench',"
          + " 'NO_LAWFUL_RESIDENCE', 'NG', 'partner-ng', ?, 'PREPARATION', ?, ?, 'bench', 'NG')"
          + " ON CONFLICT DO NOTHING")) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (int i = from; i < to; i++) {
          insert.setString(1, caseRef(i));
          insert.setString(2, caseRef(i));
          insert.setObject(3, DUE_BASE.minusDays(60));
          insert.setTimestamp(4, now);
          insert.setTimestamp(5, now);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      db.commit();
    }
  }
}
