package dk.preparedreturn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.process.ModelBeans;
import dk.preparedreturn.process.ProcessesDeployment;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.tasklist.TasklistFilters;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Several nodes of the service on one PostgreSQL database, each with its job executor: they
 * start together on an empty database without stepping on each other, share a burst of due jobs
 * so that every job runs exactly once, finish the jobs of a node that died holding their locks
 * once the locks expire, and let exactly one of two simultaneous completions of a task win; a node
 * whose job executor stopped is not ready.
 *
 * <p>The nodes are application contexts of the real application in this JVM, on a database of
 * their own that this class creates and drops. The test models are deployed here, not from
 * processes/. The methods build on each other and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final String DATABASE = TestDatabase.sibling("cluster");
  static final int BURST_INSTANCES = 200;
  static final int DEAD_NODE_JOBS = 40;
  static final int DEAD_NODE_LOCK_MILLIS = 4000;
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** Executions of the test delegate per process instance, including ones whose transaction rolled back. */
  static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
  /** When set, a completion of the test task waits here until the other completion has arrived too. */
  static final AtomicReference<CyclicBarrier> COMPLETION_GATE = new AtomicReference<>();
  /**
   * When set, a starting node waits here, with its engine built and before the start-up set-up
   * (groups, administrator, authorizations, filters, models), until the other node has got there
   * too: both set up the fresh database at the same moment, whatever their start-up times.
   */
  static final AtomicReference<CyclicBarrier> START_LINE = new AtomicReference<>();

  ServiceNode a;
  ServiceNode b;
  Duration parallelStart;

  @BeforeAll
  void startTwoNodesAtTheSameMomentOnAFreshDatabase() throws Exception {
    ClockUtil.reset(); // the engine clock is JVM-wide; these nodes run on real time
    TestDatabase.recreate(DATABASE);
    CountDownLatch go = new CountDownLatch(1);
    START_LINE.set(new CyclicBarrier(2));
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      Future<ServiceNode> startA = starters.submit(() -> startAfter(go, "nodeA"));
      Future<ServiceNode> startB = starters.submit(() -> startAfter(go, "nodeB"));
      long begin = System.nanoTime();
      go.countDown();
      List<Throwable> failures = new ArrayList<>();
      a = started(startA, failures);
      b = started(startB, failures);
      parallelStart = Duration.ofNanos(System.nanoTime() - begin);
      if (!failures.isEmpty()) {
        AssertionError error = new AssertionError("A node failed to start next to the other one", failures.get(0));
        failures.stream().skip(1).forEach(error::addSuppressed);
        throw error;
      }
    } finally {
      START_LINE.set(null);
      starters.shutdownNow();
    }
    try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement()) {
      st.execute("CREATE TABLE cluster_effect (id bigserial PRIMARY KEY, process_key varchar(64) NOT NULL,"
          + " instance_id varchar(64) NOT NULL, job_id varchar(64), node varchar(16) NOT NULL,"
          + " executed_at timestamp NOT NULL)");
    }
    a.engine().getRepositoryService().createDeployment().name("cluster-test")
        .addModelInstance("ClusterBurst.bpmn", burstModel())
        .addModelInstance("ClusterAsync.bpmn", asyncModel())
        .addModelInstance("ClusterTask.bpmn", taskModel())
        .deploy();
  }

  private static ServiceNode startAfter(CountDownLatch go, String name) throws InterruptedException {
    go.await();
    try {
      return ServiceNode.start(name, DATABASE, Map.of(), NodeBeans.class);
    } catch (RuntimeException e) {
      // a node that failed never reaches the start line: release the other one
      START_LINE.get().reset();
      throw e;
    }
  }

  private static ServiceNode started(Future<ServiceNode> start, List<Throwable> failures) throws InterruptedException {
    try {
      return start.get(4, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      failures.add(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      failures.add(e);
    }
    return null;
  }

  @AfterAll
  void stopNodesAndDropTheDatabase() {
    Stream.of(a, b).filter(n -> n != null).forEach(ServiceNode::close);
    TestDatabase.drop(DATABASE);
  }

  // ---- a. simultaneous start

  @Test
  @Order(1)
  void bothNodesStartedTogetherAndSetTheDatabaseUpExactlyOnce() throws Exception {
    System.out.printf("[cluster] two nodes started in parallel on an empty database in %d ms%n",
        parallelStart.toMillis());
    for (ServiceNode node : List.of(a, b)) {
      HttpResponse<String> readiness = node.send("GET", "/actuator/health/readiness", null);
      assertThat(readiness.statusCode()).as(node.name() + " ready: " + readiness.body()).isEqualTo(200);
    }
    try (Connection db = TestDatabase.connect(DATABASE)) {
      assertThat(single(db, "SELECT count(*) FROM databasechangelog")).as("change sets applied").isGreaterThan(18)
          .isEqualTo(single(db, "SELECT count(DISTINCT (id, author, filename)) FROM databasechangelog"));
      assertThat(single(db, "SELECT count(*) FROM databasechangeloglock WHERE locked")).isZero();
      assertThat(single(db, "SELECT count(*) FROM act_ge_property WHERE name_ = 'camunda.installation.id'"))
          .isEqualTo(1);
    }
    var repository = a.engine().getRepositoryService();
    var deployments = repository.createDeploymentQuery().deploymentName(ProcessesDeployment.DEPLOYMENT_NAME).list();
    assertThat(deployments).as("one deployment of the models").hasSize(1);
    assertThat(deployments.get(0).getId()).matches(UUID);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionVersion(2).count())
        .as("no second version of any model").isZero();
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionVersion(2).count()).isZero();

    var identity = a.engine().getIdentityService();
    List<String> groups = identity.createGroupQuery().list().stream().map(Group::getId).toList();
    assertThat(groups).contains(Groups.ADMINS, Groups.CMM, Groups.POLITI, Groups.MONITORING,
        Groups.partnerGroup("NG"), Groups.partnerGroup("RO"));
    assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
        .containsExactly(PostgresIntegrationTest.ADMIN);
    List<String> filters = a.engine().getFilterService().createFilterQuery().list().stream()
        .map(Filter::getName).sorted().toList();
    assertThat(filters).as("every Tasklist filter once").containsExactlyInAnyOrderElementsOf(
        Stream.concat(TasklistFilters.DANISH.stream(), TasklistFilters.ENGLISH.stream())
            .map(TasklistFilters.FilterSpec::name).toList());
    assertThat(a.engine().getHistoryService().findHistoryCleanupJobs()).as("one history clean-up job").hasSize(1);
  }

  // ---- b. burst

  @Test
  @Order(2)
  void aBurstOfDueJobsIsDrainedByBothNodesAndEveryJobRunsExactlyOnce() throws Exception {
    ManagementService management = a.engine().getManagementService();
    // the jobs are created suspended and released together: all due at the same moment
    management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("ClusterBurst").suspend();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < BURST_INSTANCES; i++) {
      ServiceNode node = i % 2 == 0 ? a : b;
      instances.add(node.engine().getRuntimeService().startProcessInstanceByKey("ClusterBurst").getId());
    }
    assertThat(instances).allSatisfy(id -> assertThat(id).matches(UUID));
    assertThat(management.createJobQuery().processDefinitionKey("ClusterBurst").timers().suspended().count())
        .isEqualTo(BURST_INSTANCES);

    Instant released = Instant.now();
    management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("ClusterBurst").includeJobs(true)
        .activate();
    // wake both acquisition threads, as a job created on a node wakes that node's (else each finds
    // the jobs at its next poll, at most max-wait = 5 s later)
    a.jobExecutor().jobWasAdded();
    b.jobExecutor().jobWasAdded();
    awaitUntil(Duration.ofSeconds(90), "the burst is drained",
        () -> effects("ClusterBurst") == BURST_INSTANCES
            && management.createJobQuery().processDefinitionKey("ClusterBurst").count() == 0);
    Duration drain = Duration.between(released, Instant.now());

    try (Connection db = TestDatabase.connect(DATABASE)) {
      assertThat(rows(db, "SELECT instance_id FROM cluster_effect WHERE process_key = 'ClusterBurst'"
          + " GROUP BY instance_id HAVING count(*) > 1")).as("instances with a repeated side effect").isEmpty();
      assertThat(rows(db, "SELECT instance_id FROM cluster_effect WHERE process_key = 'ClusterBurst'"))
          .containsExactlyInAnyOrderElementsOf(instances);
      assertThat(rows(db, "SELECT job_id FROM cluster_effect WHERE process_key = 'ClusterBurst'"))
          .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches(UUID));
      Map<String, Long> byNode = counts(db, "SELECT node, count(*) FROM cluster_effect"
          + " WHERE process_key = 'ClusterBurst' GROUP BY node");
      // the engine's own record: each job (timer and continuation) succeeded once, none failed
      Map<String, Long> jobsByNode = counts(db, "SELECT hostname_, count(*) FROM act_hi_job_log"
          + " WHERE process_def_key_ = 'ClusterBurst' AND job_state_ = 2 GROUP BY hostname_");
      System.out.printf("[cluster] burst of %d instances (%d jobs): drained in %d ms; side effects by node %s,"
          + " jobs by node %s%n", BURST_INSTANCES, 2 * BURST_INSTANCES, drain.toMillis(), byNode, jobsByNode);
      assertThat(byNode).as("both nodes did work").containsOnlyKeys("nodeA", "nodeB");
      assertThat(byNode.values()).allSatisfy(n -> assertThat(n).isPositive());
      assertThat(jobsByNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * BURST_INSTANCES);
      assertThat(single(db, "SELECT count(DISTINCT job_id_) FROM act_hi_job_log WHERE process_def_key_ ="
          + " 'ClusterBurst' AND job_state_ = 2")).isEqualTo(2L * BURST_INSTANCES);
      assertThat(single(db, "SELECT count(*) FROM act_hi_job_log WHERE process_def_key_ = 'ClusterBurst'"
          + " AND job_state_ = 1")).as("failed job executions").isZero();
    }
    assertThat(instances).allSatisfy(id -> assertThat(ATTEMPTS.get(id)).as("executions of " + id).hasValue(1));
    assertThat(a.engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("ClusterBurst")
        .completed().count()).isEqualTo(BURST_INSTANCES);
    assertThat(a.engine().getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
  }

  // ---- d. the same task completed from both nodes at once

  @Test
  @Order(3)
  void ofTwoSimultaneousCompletionsOfATaskOneWinsTheOtherGetsAConflictAndALaterOneNotFound() throws Exception {
    String instance = a.engine().getRuntimeService().startProcessInstanceByKey("ClusterTask").getId();
    Task task = a.engine().getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    COMPLETION_GATE.set(new CyclicBarrier(2));
    List<HttpResponse<String>> responses;
    try {
      var fromA = a.sendAsync("POST", a.engineRest("/task/" + task.getId() + "/complete"), "{}",
          PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD);
      var fromB = b.sendAsync("POST", b.engineRest("/task/" + task.getId() + "/complete"), "{}",
          PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD);
      responses = List.of(fromA.get(60, TimeUnit.SECONDS), fromB.get(60, TimeUnit.SECONDS));
    } finally {
      COMPLETION_GATE.set(null);
    }
    System.out.printf("[cluster] simultaneous completions: %s / %s%n", describe(responses.get(0)),
        describe(responses.get(1)));
    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
    HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    assertThat(loser.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    assertThat(loser.body()).contains("\"type\":\"OptimisticLockingException\"")
        .doesNotContain("\tat ").doesNotContain(".java:");

    HttpResponse<String> late = b.send("POST", b.engineRest("/task/" + task.getId() + "/complete"), "{}");
    assertThat(late.statusCode()).as("a completion after the task is gone: " + late.body()).isEqualTo(404);

    var history = a.engine().getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).completed().count())
        .isEqualTo(1);
    assertThat(history.createUserOperationLogQuery().taskId(task.getId()).operationType("Complete").count())
        .as("one completion recorded").isEqualTo(1);
  }

  // ---- c. a node dies holding locks; a node started later changes nothing

  @Test
  @Order(4)
  void jobsLockedByANodeThatDiedRunOnceOnTheOtherNodesAfterTheLockExpires() throws Exception {
    Map<String, Long> setup = setupRows();
    ServiceNode c = ServiceNode.start("nodeC", DATABASE, Map.of(
        "camunda.bpm.job-execution.lock-time-in-millis", DEAD_NODE_LOCK_MILLIS,
        "test.dead-node", "true"), NodeBeans.class);
    try {
      assertThat(setupRows()).as("a node started later changes no set-up rows").isEqualTo(setup);

      ManagementService management = a.engine().getManagementService();
      a.jobExecutor().shutdown();
      b.jobExecutor().shutdown();
      management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("ClusterAsync").suspend();
      for (int i = 0; i < DEAD_NODE_JOBS; i++) {
        a.engine().getRuntimeService().startProcessInstanceByKey("ClusterAsync");
      }
      management.updateJobDefinitionSuspensionState().byProcessDefinitionKey("ClusterAsync").includeJobs(true)
          .activate();
      c.jobExecutor().jobWasAdded();
      awaitUntil(Duration.ofSeconds(30), "nodeC locks every job",
          () -> lockedBy("nodeC") == DEAD_NODE_JOBS);
      // nodeC dies: its acquisition stops, the jobs it holds were never executed
      c.jobExecutor().shutdown();
      NodeTaskExecutor deadExecutor = c.context().getBean(NodeTaskExecutor.class);
      assertThat(deadExecutor.dropped.get()).as("batches handed to nodeC's workers").isPositive();
      assertThat(effects("ClusterAsync")).as("nodeC ran none of them").isZero();

      Map<String, Instant> lockExpiry = new HashMap<>();
      try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT j.id_, j.lock_exp_time_ FROM act_ru_job j"
              + " WHERE j.process_def_key_ = 'ClusterAsync'"
              + " AND j.lock_owner_ = 'nodeC'")) {
        while (rs.next()) {
          lockExpiry.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
      assertThat(lockExpiry).hasSize(DEAD_NODE_JOBS);
      Instant earliestExpiry = lockExpiry.values().stream().min(Instant::compareTo).orElseThrow();

      Instant othersPolling = Instant.now();
      a.jobExecutor().start();
      b.jobExecutor().start();
      assertThat(othersPolling).as("the other nodes poll while the locks still hold").isBefore(earliestExpiry);
      c.close();

      awaitUntil(Duration.ofMillis(DEAD_NODE_LOCK_MILLIS + 30_000), "the other nodes finish nodeC's jobs",
          () -> effects("ClusterAsync") == DEAD_NODE_JOBS);
      Instant done = Instant.now();

      List<String> instanceIds = new ArrayList<>();
      try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("SELECT instance_id, job_id, node, executed_at FROM cluster_effect"
              + " WHERE process_key = 'ClusterAsync'")) {
        while (rs.next()) {
          String jobId = rs.getString(2);
          Instant executedAt = rs.getTimestamp(4).toInstant();
          instanceIds.add(rs.getString(1));
          assertThat(lockExpiry).as("job run was one nodeC had locked").containsKey(jobId);
          assertThat(executedAt).as("job %s ran after nodeC's lock expired", jobId)
              .isAfterOrEqualTo(lockExpiry.get(jobId));
          assertThat(rs.getString(3)).isIn("nodeA", "nodeB");
        }
      }
      assertThat(instanceIds).doesNotHaveDuplicates().hasSize(DEAD_NODE_JOBS);
      assertThat(instanceIds).allSatisfy(id -> assertThat(ATTEMPTS.get(id)).hasValue(1));
      try (Connection db = TestDatabase.connect(DATABASE)) {
        assertThat(counts(db, "SELECT hostname_, count(*) FROM act_hi_job_log WHERE process_def_key_ = 'ClusterAsync'"
            + " AND job_state_ = 2 GROUP BY hostname_")).doesNotContainKey("nodeC")
            .satisfies(m -> assertThat(m.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(DEAD_NODE_JOBS));
        assertThat(single(db, "SELECT count(*) FROM act_hi_job_log WHERE process_def_key_ = 'ClusterAsync'"
            + " AND job_state_ = 1")).isZero();
      }
      System.out.printf("[cluster] dead node: %d jobs locked by nodeC for %d ms; first lock expired %d ms after"
              + " the others resumed polling; all done %d ms after the first expiry%n", DEAD_NODE_JOBS,
          DEAD_NODE_LOCK_MILLIS, Duration.between(othersPolling, earliestExpiry).toMillis(),
          Duration.between(earliestExpiry, done).toMillis());
      assertThat(a.engine().getRuntimeService().createIncidentQuery().count()).isZero();
    } finally {
      c.close();
    }
  }

  // ---- e. readiness follows the job executor

  @Test
  @Order(5)
  void aNodeWhoseJobExecutorStoppedIsNotReadyUntilItRunsAgain() throws Exception {
    assertThat(readiness(a, false).statusCode()).isEqualTo(200);
    a.jobExecutor().shutdown();
    try {
      HttpResponse<String> anonymous = readiness(a, false);
      assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(503);
      assertThat(anonymous.body()).contains("\"status\":\"DOWN\"").doesNotContain("components", "jobExecutor");
      HttpResponse<String> detailed = readiness(a, true);
      assertThat(detailed.statusCode()).isEqualTo(503);
      var components = new com.fasterxml.jackson.databind.ObjectMapper().readTree(detailed.body()).get("components");
      assertThat(components.get("jobExecutor").get("status").asText()).as(detailed.body()).isEqualTo("DOWN");
      assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
      assertThat(readiness(b, false).statusCode()).as("the other node stays ready").isEqualTo(200);
      assertThat(a.send("GET", "/actuator/health/liveness", null).statusCode()).as("alive all the same")
          .isEqualTo(200);
    } finally {
      a.jobExecutor().start();
    }
    HttpResponse<String> ready = readiness(a, true);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ready.body()).get("components")
        .get("jobExecutor").get("status").asText()).isEqualTo("UP");
  }

  static HttpResponse<String> readiness(ServiceNode node, boolean asAdministrator) throws Exception {
    return asAdministrator ? node.send("GET", "/actuator/health/readiness", null)
        : node.sendAsync("GET", "/actuator/health/readiness", null, null, null).get(30, TimeUnit.SECONDS);
  }

  // ---- helpers

  /** Row counts of everything a node sets up at start-up. */
  Map<String, Long> setupRows() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection db = TestDatabase.connect(DATABASE)) {
      for (String table : List.of("databasechangelog", "act_re_deployment", "act_re_procdef", "act_re_decision_def",
          "act_ge_bytearray", "act_ge_property", "act_id_group", "act_id_user", "act_id_membership",
          "act_ru_authorization", "act_ru_filter")) {
        counts.put(table, single(db, "SELECT count(*) FROM " + table));
      }
      counts.put("history clean-up jobs", single(db, "SELECT count(*) FROM act_ru_job WHERE handler_type_ ="
          + " 'history-cleanup'"));
    }
    return counts;
  }

  long lockedBy(String owner) {
    try (Connection db = TestDatabase.connect(DATABASE)) {
      return single(db, "SELECT count(*) FROM act_ru_job j"
          + " WHERE j.process_def_key_ = 'ClusterAsync' AND j.lock_owner_ = '" + owner + "' AND j.lock_exp_time_ IS NOT NULL");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long effects(String processKey) {
    try (Connection db = TestDatabase.connect(DATABASE)) {
      return single(db, "SELECT count(*) FROM cluster_effect WHERE process_key = '" + processKey + "'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long single(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String> rows(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  static Map<String, Long> counts(Connection db, String sql) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(100);
    }
  }

  static String describe(HttpResponse<String> response) {
    return response.statusCode() + (response.body().isEmpty() ? "" : " " + response.body());
  }

  static BpmnModelInstance burstModel() {
    return Bpmn.createExecutableProcess("ClusterBurst").camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Timer_Now").timerWithDuration("PT0S")
        .serviceTask("Task_Work").camundaAsyncBefore().camundaDelegateExpression("${clusterWork}")
        .endEvent()
        .done();
  }

  static BpmnModelInstance asyncModel() {
    return Bpmn.createExecutableProcess("ClusterAsync").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Work").camundaAsyncBefore().camundaDelegateExpression("${clusterWork}")
        .endEvent()
        .done();
  }

  static BpmnModelInstance taskModel() {
    return Bpmn.createExecutableProcess("ClusterTask").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Review").camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE,
            "${completionGate}")
        .endEvent()
        .done();
  }

  /** Beans of each test node. A plain class (no stereotype): never picked up by the application's scan. */
  static class NodeBeans {

    /** The node's name as the lock owner of the jobs it acquires (ACT_RU_JOB.LOCK_OWNER_). */
    @Bean
    static BeanPostProcessor lockOwnerIsTheNodeName(Environment environment) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
          if (bean instanceof JobExecutor jobExecutor) {
            jobExecutor.setLockOwner(environment.getRequiredProperty("test.node"));
          }
          return bean;
        }
      };
    }

    /** The job executor's workers, as the starter configures them; on a dead node they never run a job. */
    @Bean(name = "camundaTaskExecutor")
    NodeTaskExecutor camundaTaskExecutor(CamundaBpmProperties properties, Environment environment) {
      NodeTaskExecutor executor = new NodeTaskExecutor(environment.getProperty("test.dead-node", Boolean.class, false));
      executor.setCorePoolSize(properties.getJobExecution().getCorePoolSize());
      executor.setMaxPoolSize(properties.getJobExecution().getMaxPoolSize());
      executor.setQueueCapacity(properties.getJobExecution().getQueueCapacity());
      executor.setThreadNamePrefix(environment.getRequiredProperty("test.node") + "-job-");
      return executor;
    }

    @Bean
    ProcessEnginePlugin startLine() {
      return new StartLine();
    }

    /** The test models' delegate and listener, visible to their expressions. */
    @Bean
    ModelBeans clusterModelBeans() {
      return ModelBeans.of("clusterWork", "completionGate");
    }

    @Bean
    JavaDelegate clusterWork(JdbcTemplate jdbc, Environment environment) {
      String node = environment.getRequiredProperty("test.node");
      return execution -> record(jdbc, node, execution);
    }

    @Bean
    TaskListener completionGate() {
      return ClusterIT::awaitTheOtherCompletion;
    }
  }

  /** The side effect of a job: a row written in the job's transaction, and a count of every attempt. */
  static void record(JdbcTemplate jdbc, String node, DelegateExecution execution) {
    ATTEMPTS.computeIfAbsent(execution.getProcessInstanceId(), id -> new AtomicInteger()).incrementAndGet();
    var jobContext = Context.getJobExecutorContext();
    String jobId = jobContext == null || jobContext.getCurrentJob() == null ? null : jobContext.getCurrentJob().getId();
    String processKey = execution.getProcessDefinitionId().substring(0, execution.getProcessDefinitionId().indexOf(':'));
    jdbc.update("INSERT INTO cluster_effect (process_key, instance_id, job_id, node, executed_at) VALUES (?, ?, ?, ?, ?)",
        processKey, execution.getProcessInstanceId(), jobId, node, new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  static void awaitTheOtherCompletion(DelegateTask task) {
    CyclicBarrier gate = COMPLETION_GATE.get();
    if (gate != null) {
      try {
        gate.await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("The other completion did not arrive", e);
      }
    }
  }

  /** Runs before the application's start-up set-up plugins (the first has order 10). */
  static final class StartLine extends AbstractProcessEnginePlugin implements Ordered {
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      CyclicBarrier line = START_LINE.get();
      if (line != null) {
        try {
          line.await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
          throw new IllegalStateException("The other node did not reach the start-up set-up", e);
        }
      }
    }

    @Override
    public int getOrder() {
      return 0;
    }
  }

  /** A thread pool that, on a dead node, accepts the acquired jobs and never runs them. */
  static final class NodeTaskExecutor extends ThreadPoolTaskExecutor {
    final boolean dead;
    final AtomicInteger dropped = new AtomicInteger();

    NodeTaskExecutor(boolean dead) {
      this.dead = dead;
    }

    @Override
    public void execute(Runnable task) {
      if (dead) {
        dropped.incrementAndGet();
        return;
      }
      super.execute(task);
    }
  }
}
