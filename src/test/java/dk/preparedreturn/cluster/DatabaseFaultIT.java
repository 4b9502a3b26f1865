package dk.preparedreturn.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.testsupport.DatabaseSnapshot;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database connection is lost in the middle of a request, and the database is unreachable for
 * a while: the caller gets a clear 503 (problem+json on the service's API, Camunda's error format on
 * the engine REST API, never a stack trace), nothing of the request is saved, readiness answers 503
 * while the database is away, and the node serves again by itself once it is back.
 *
 * <p>One node of the real application on a database of its own. A test hook cuts the connection of
 * the running transaction from a separate administrator session ({@code pg_terminate_backend}),
 * either right away or just before the commit, when every statement of the request has been sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultIT {

  static final String DATABASE = TestDatabase.sibling("fault");
  static final String POLITI = "fault-politi";
  static final String PASSWORD = "Fault-Test-Passw0rd!";
  /** Written outside the request's transaction by the scheduled sender, or per sign-in: compared by row count only. */
  static final Set<String> COUNT_ONLY = Set.of("notification", "act_id_user", "act_ru_meter_log",
      "databasechangeloglock");

  /** The next cut: at which event and whether right away or just before the commit. */
  static final AtomicReference<Cut> NEXT_CUT = new AtomicReference<>();

  static final class Cut {
    final String event;
    final boolean beforeCommit;
    volatile Integer backend;
    volatile boolean done;

    Cut(String event, boolean beforeCommit) {
      this.event = event;
      this.beforeCommit = beforeCommit;
    }
  }

  final ObjectMapper json = new ObjectMapper();
  ServiceNode node;
  String caseRef;

  @BeforeAll
  void startANode() {
    ClockUtil.reset(); // the engine clock is JVM-wide; this node runs on real time
    TestDatabase.recreate(DATABASE);
    // the engine's own background writers stay out of the "nothing saved" snapshots: history cleanup
    // (its batch window, 01:00-05:00, is in force whenever a run happens at night) and metrics reports
    node = ServiceNode.start("node", DATABASE, Map.of("app.notification.reminders-enabled", "false",
        "camunda.bpm.generic-properties.properties.history-cleanup-enabled", "false",
        "camunda.bpm.metrics.db-reporter-activate", "false"), NodeBeans.class);
    var identity = node.engine().getIdentityService();
    User user = identity.newUser(POLITI);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(POLITI, "politi");
    node.engine().getRepositoryService().createDeployment().name("fault-test")
        .addModelInstance("FaultAsync.bpmn", Bpmn.createExecutableProcess("FaultAsync").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
        .deploy();
  }

  @AfterAll
  void stopTheNodeAndDropTheDatabase() throws SQLException {
    if (node != null) {
      node.close();
    }
    admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    TestDatabase.drop(DATABASE);
  }

  @Test
  @Order(1)
  void aConnectionCutInTheMiddleOfATaskCompletionSavesNothingAndAnswers503() throws Exception {
    HttpResponse<String> referred = refer();
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
    caseRef = json.readTree(referred.body()).get("caseRef").asText();
    HttpResponse<String> screened = submit(task("Task_ScreenReferral"), """
        {"variables": {"screeningResult": {"value": "INDICATORS_FOUND"}, "consentRecorded": {"value": true}}}""");
    assertThat(screened.statusCode()).as(screened.body()).isEqualTo(204);
    Task decision = task("Task_DecideVictimStatus");
    Map<String, String> caseBefore = caseRecord();
    Map<String, String> before = snapshot();

    // cut while the engine runs the completion (the model's service task then writes the case record)
    Cut duringCompletion = arm("task-complete", false);
    HttpResponse<String> cut = submit(decision, identified());
    assertUnavailable(cut, false);
    assertThat(duringCompletion.done).as("the connection was cut").isTrue();
    assertThat(backendGone(duringCompletion.backend)).isTrue();
    assertThat(snapshot()).as("nothing of the completion saved").isEqualTo(before);
    assertThat(task("Task_DecideVictimStatus").getId()).as("the task is still open").isEqualTo(decision.getId());

    // cut after every statement of the completion was sent, just before the commit
    Cut atCommit = arm("task-complete", true);
    HttpResponse<String> cutAtCommit = submit(decision, identified());
    assertUnavailable(cutAtCommit, false);
    assertThat(atCommit.done).isTrue();
    assertThat(snapshot()).as("nothing of the completion saved").isEqualTo(before);
    assertThat(caseRecord()).as("case record unchanged").isEqualTo(caseBefore);
    assertThat(task("Task_DecideVictimStatus").getId()).isEqualTo(decision.getId());
  }

  @Test
  @Order(2)
  void aConnectionCutBeforeAReferralCommitsSavesNothingAndAnswers503ProblemJson() throws Exception {
    Map<String, String> before = snapshot();
    Cut atCommit = arm("process-start", true);
    HttpResponse<String> cut = refer();
    assertUnavailable(cut, true);
    assertThat(atCommit.done).isTrue();
    assertThat(snapshot()).as("no case, no person, no audit entry, no process").isEqualTo(before);
  }

  @Test
  @Order(3)
  void whileTheDatabaseIsAwayCallsGet503AndTheNodeRecoversByItself() throws Exception {
    Task decision = task("Task_DecideVictimStatus");
    Map<String, String> before = snapshot();
    String reference = "POL-" + UUID.randomUUID();

    admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
    Instant down = Instant.now();
    HttpResponse<String> readiness;
    List<HttpResponse<String>> calls;
    try {
      admin("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
      Map<String, Long> answeredAfter = new java.util.concurrent.ConcurrentHashMap<>();
      CompletableFuture<HttpResponse<String>> referral = timed(answeredAfter, "referral", down,
          node.sendAsync("POST", "/api/referrals", referral(reference), POLITI, PASSWORD));
      CompletableFuture<HttpResponse<String>> completion = timed(answeredAfter, "completion", down,
          node.sendAsync("POST", node.engineRest("/task/" + decision.getId() + "/submit-form"), identified(),
              PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD));
      CompletableFuture<HttpResponse<String>> probe = timed(answeredAfter, "readiness", down,
          node.sendAsync("GET", "/actuator/health/readiness", null, null, null));
      CompletableFuture<HttpResponse<String>> alive = timed(answeredAfter, "liveness", down,
          node.sendAsync("GET", "/actuator/health/liveness", null, null, null));
      calls = List.of(referral.get(60, TimeUnit.SECONDS), completion.get(60, TimeUnit.SECONDS));
      readiness = probe.get(60, TimeUnit.SECONDS);
      HttpResponse<String> liveness = alive.get(60, TimeUnit.SECONDS);
      System.out.printf("[fault] database away: referral %d, completion %d, readiness %d, liveness %d;"
              + " answered after (ms) %s%n", calls.get(0).statusCode(), calls.get(1).statusCode(),
          readiness.statusCode(), liveness.statusCode(), answeredAfter);
      assertThat(liveness.statusCode()).as("alive: no restart wanted").isEqualTo(200);
    } finally {
      admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }
    Instant back = Instant.now();
    assertUnavailable(calls.get(0), true);
    assertUnavailable(calls.get(1), false);
    assertThat(readiness.statusCode()).as("not ready without the database: " + readiness.body()).isEqualTo(503);

    awaitUntil(Duration.ofSeconds(30), "ready again", () -> get("/actuator/health/readiness").statusCode() == 200);
    Duration recovery = Duration.between(back, Instant.now());
    assertThat(snapshot()).as("nothing saved while the database was away").isEqualTo(before);

    HttpResponse<String> completed = submit(decision, identified());
    assertThat(completed.statusCode()).as("the same completion, repeated: " + completed.body()).isEqualTo(204);
    assertThat(node.engine().getTaskService().createTaskQuery().taskId(decision.getId()).count()).isZero();
    Map<String, String> after = caseRecord();
    assertThat(after.get("identification_date")).isEqualTo(LocalDate.now().toString());
    assertThat(after.get("phase")).isNotEqualTo("IDENTIFICATION");
    HttpResponse<String> referred = node.sendAsync("POST", "/api/referrals", referral(reference), POLITI, PASSWORD)
        .get(60, TimeUnit.SECONDS);
    assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);

    // the job executor, which failed to acquire while the database was away, runs jobs again
    String instance = node.engine().getRuntimeService().startProcessInstanceByKey("FaultAsync").getId();
    awaitUntil(Duration.ofSeconds(30), "the job executor runs a new job",
        () -> node.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
            .completed().count() == 1);
    System.out.printf("[fault] database back: ready again after %d ms%n", recovery.toMillis());
  }

  // ---- helpers

  static CompletableFuture<HttpResponse<String>> timed(Map<String, Long> answeredAfter, String name, Instant from,
      CompletableFuture<HttpResponse<String>> call) {
    return call.whenComplete((response, error) ->
        answeredAfter.put(name, Duration.between(from, Instant.now()).toMillis()));
  }

  Cut arm(String event, boolean beforeCommit) {
    Cut cut = new Cut(event, beforeCommit);
    NEXT_CUT.set(cut);
    return cut;
  }

  void assertUnavailable(HttpResponse<String> response, boolean problemJson) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith(problemJson ? "application/problem+json" : "application/json"));
    JsonNode body = json.readTree(response.body());
    if (problemJson) {
      assertThat(body.get("status").asInt()).isEqualTo(503);
      assertThat(body.get("detail").asText()).contains("nothing was changed");
    } else {
      assertThat(body.get("type").asText()).isEqualTo("ServiceUnavailable");
      assertThat(body.get("message").asText()).contains("nothing was changed");
    }
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain(".java:").doesNotContain("Exception:");
  }

  HttpResponse<String> refer() throws Exception {
    return node.sendAsync("POST", "/api/referrals", referral("POL-" + UUID.randomUUID()), POLITI, PASSWORD)
        .get(60, TimeUnit.SECONDS);
  }

  static String referral(String reference) {
    return """
        {"referrerReference": "%s", "referringOrganisation": "politi", "residenceStatus": "NO_LAWFUL_RESIDENCE",
         "countryOfReturn": "NG", "referralDate": "%s",
         "person": {"fullName": "Fiktiv Faultperson", "dateOfBirth": "1994-05-06", "nationality": "NG",
                    "gender": "FEMALE", "exploitationType": "SEXUAL", "hasChildren": false}}
        """.formatted(reference, LocalDate.now());
  }

  static String identified() {
    return """
        {"variables": {"identificationOutcome": {"value": "IDENTIFIED"},
                       "identificationDate": {"value": "%s"}}}""".formatted(LocalDate.now());
  }

  HttpResponse<String> submit(Task task, String body) throws Exception {
    return node.sendAsync("POST", node.engineRest("/task/" + task.getId() + "/submit-form"), body,
        PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD).get(60, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(String path) {
    try {
      return node.sendAsync("GET", path, null, null, null).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Task task(String key) {
    List<Task> tasks = node.engine().getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open task " + key).hasSize(1);
    return tasks.get(0);
  }

  Map<String, String> caseRecord() throws SQLException {
    Map<String, String> row = new LinkedHashMap<>();
    try (Connection db = TestDatabase.connect(DATABASE); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM case_file WHERE case_ref = '" + caseRef + "'")) {
      assertThat(rs.next()).isTrue();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
      }
    }
    return row;
  }

  /**
   * Every table of the database: its row count and a digest of its content, taken when no job is
   * due (so nothing runs in the background that the request did not cause).
   */
  Map<String, String> snapshot() throws Exception {
    ProcessEngine engine = node.engine();
    awaitUntil(Duration.ofSeconds(30), "no job due",
        () -> engine.getManagementService().createJobQuery().executable().count() == 0);
    try (Connection db = TestDatabase.connect(DATABASE)) {
      return DatabaseSnapshot.of(db, COUNT_ONLY, java.util.Set.of());
    }
  }

  static boolean backendGone(Integer pid) throws SQLException {
    try (Connection admin = TestDatabase.connect("postgres"); Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
      rs.next();
      return rs.getInt(1) == 0;
    }
  }

  static void admin(String sql) throws SQLException {
    try (Connection admin = TestDatabase.connect("postgres"); Statement st = admin.createStatement()) {
      st.execute(sql);
    }
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

  /** Cuts the connection of the running transaction when the armed event happens (once). */
  static void cutIfArmed(String event, JdbcTemplate jdbc) {
    Cut cut = NEXT_CUT.get();
    if (cut == null || !cut.event.equals(event) || !NEXT_CUT.compareAndSet(cut, null)) {
      return;
    }
    // the transaction's own connection: the engine, the service and this template share it
    int backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
    cut.backend = backend;
    if (cut.beforeCommit) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          terminate(cut, backend);
        }
      });
    } else {
      terminate(cut, backend);
    }
  }

  static void terminate(Cut cut, int backend) {
    try (Connection admin = TestDatabase.connect("postgres"); Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(" + backend + ", 5000)")) {
      rs.next();
      cut.done = rs.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Beans of the test node. A plain class (no stereotype): never picked up by the application's scan. */
  static class NodeBeans {

    /** The hook on every model: process instances starting, user tasks completing. */
    @Bean
    ProcessEnginePlugin connectionCutter(JdbcTemplate jdbc) {
      return new AbstractProcessEnginePlugin() {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
          List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
              ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
          ExecutionListener started = execution -> cutIfArmed("process-start", jdbc);
          TaskListener completing = task -> cutIfArmed("task-complete", jdbc);
          listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
              definition.addListener(ExecutionListener.EVENTNAME_START, started);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
              if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, completing);
              }
            }
          });
          configuration.setCustomPostBPMNParseListeners(listeners);
        }
      };
    }
  }
}
