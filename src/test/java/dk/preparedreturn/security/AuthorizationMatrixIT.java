package dk.preparedreturn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.AUTHORIZATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.REPORT;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.tasklist.TasklistFilters;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access matrix on PostgreSQL: every group × resource × permission that matters, allowed and
 * denied, checked with the engine's own authorization check, and then the real calls behind the most
 * important cells (queries, completing, deploying, deleting, REST). What the Tasklist filters return
 * is tested in {@code TasklistFiltersIT}.
 *
 * <p>Two cases: one from Nigeria in return preparation (the police, CMM, Udlændingestyrelsen,
 * Hjemrejsestyrelsen and the Nigerian partner take part; DRC does not yet, because with a partner
 * agreement in Nigeria its first task comes after the partner's meeting) and one from Thailand that
 * was only just referred (the police and CMM take part).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Matrix-Test-Passw0rd!";

  /** The columns of the matrix: one user per group. */
  static final Map<String, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put("udlaendingestyrelsen", "mx-udl");
    USERS.put("cmm", "mx-cmm");
    USERS.put("hjemrejsestyrelsen", "mx-hjs");
    USERS.put("drc", "mx-drc");
    USERS.put("politi", "mx-pol");
    USERS.put("partner-ng", "mx-ng");
    USERS.put("partner-th", "mx-th");
    USERS.put("ledelse", "mx-mgr");
    USERS.put("procesejere", "mx-po");
    USERS.put("monitoring", "mx-mon");
    USERS.put("camunda-admin", "mx-adm");
  }

  /**
   * The matrix. Each row: what is checked, and the expected answer for the groups in the order of
   * {@link #USERS}: udlaendingestyrelsen, cmm, hjemrejsestyrelsen, drc, politi, partner-ng, partner-th,
   * ledelse, procesejere, monitoring, camunda-admin. Y = allowed, . = denied.
   */
  static final List<Row> MATRIX = List.of(
      //                                                                    udl cmm hjs drc pol ng  th  mgr po  mon adm
      row("Tasklist", APPLICATION, "tasklist", Permissions.ACCESS, "Y Y Y Y Y Y Y . Y . Y"),
      row("Cockpit", APPLICATION, "cockpit", Permissions.ACCESS, ". . . . . . . Y Y . Y"),
      row("Admin", APPLICATION, "admin", Permissions.ACCESS, ". . . . . . . . . . Y"),
      row("deploy", DEPLOYMENT, "*", Permissions.CREATE, ". . . . . . . . Y . Y"),
      row("delete a deployment (cascading: with its running cases)", DEPLOYMENT, "*", Permissions.DELETE,
          ". . . . . . . . . . Y"),
      row("read deployments", DEPLOYMENT, "*", Permissions.READ, ". . . . . . . Y Y . Y"),
      row("read the journey model", PROCESS_DEFINITION, "PreparedReturn", Permissions.READ, "Y Y Y Y Y Y Y Y Y . Y"),
      row("start a case other than by referral", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.CREATE_INSTANCE, ". . . . . . . . . . Y"),
      // events are reported on the case page or through the API; only the service starts their processes
      row("start the event process directly (Danish)", PROCESS_DEFINITION, AccessModel.RECORD_CASE_EVENT,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ". . . . . . . . . . Y"),
      row("start the event process directly (partner)", PROCESS_DEFINITION, AccessModel.REPORT_PARTNER_EVENT,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ". . . . . . . . . . Y"),
      row("change the journey model's settings (history time to live)", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.UPDATE, ". . . . . . . . . . Y"),
      row("read all instances of the journey", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.READ_INSTANCE, ". . . . . . . Y Y . Y"),
      row("change all instances of the journey", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.UPDATE_INSTANCE, ". . . . . . . . . . Y"),
      row("delete instances of the journey", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.DELETE_INSTANCE, ". . . . . . . . . . Y"),
      row("migrate instances", PROCESS_DEFINITION, "PreparedReturn", ProcessDefinitionPermissions.MIGRATE_INSTANCE,
          ". . . . . . . . . . Y"),
      row("suspend the model", PROCESS_DEFINITION, "PreparedReturn", ProcessDefinitionPermissions.SUSPEND,
          ". . . . . . . . Y . Y"),
      row("delete the model (cascading: with its running cases)", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.DELETE, ". . . . . . . . . . Y"),
      row("read the history of all cases", PROCESS_DEFINITION, "PreparedReturn",
          ProcessDefinitionPermissions.READ_HISTORY, ". . . . . . . Y Y . Y"),
      row("read the Nigerian case", PROCESS_INSTANCE, "case:NG", Permissions.READ, "Y Y Y . Y Y . Y Y . Y"),
      row("read the Thai case", PROCESS_INSTANCE, "case:TH", Permissions.READ, ". Y . . Y . . Y Y . Y"),
      row("change the Nigerian case", PROCESS_INSTANCE, "case:NG", Permissions.UPDATE, ". . . . . . . . . . Y"),
      row("delete the Nigerian case", PROCESS_INSTANCE, "case:NG", Permissions.DELETE, ". . . . . . . . . . Y"),
      row("suspend the Nigerian case", PROCESS_INSTANCE, "case:NG", ProcessInstancePermissions.SUSPEND,
          ". . . . . . . . . . Y"),
      row("history of the Nigerian case", HISTORIC_PROCESS_INSTANCE, "case:NG", HistoricProcessInstancePermissions.READ,
          "Y Y Y . Y Y . Y Y . Y"),
      row("history of the Thai case", HISTORIC_PROCESS_INSTANCE, "case:TH", HistoricProcessInstancePermissions.READ,
          ". Y . . Y . . Y Y . Y"),
      row("see CMM's task in the Nigerian case", TASK, "task:cmm", Permissions.READ, ". Y . . . . . Y . . Y"),
      row("work on CMM's task", TASK, "task:cmm", TaskPermissions.TASK_WORK, ". Y . . . . . . . . Y"),
      row("reassign CMM's task", TASK, "task:cmm", TaskPermissions.TASK_ASSIGN, ". . . . . . . . . . Y"),
      row("see the partner's task", TASK, "task:partner", Permissions.READ, ". . . . . Y . Y . . Y"),
      row("work on the partner's task", TASK, "task:partner", TaskPermissions.TASK_WORK, ". . . . . Y . . . . Y"),
      row("history of CMM's task", HISTORIC_TASK, "task:cmm", HistoricTaskPermissions.READ, ". Y . . . . . Y . . Y"),
      row("read decision tables", DECISION_DEFINITION, "PartnerAgreement", Permissions.READ, "Y Y Y Y Y . . Y Y . Y"),
      row("change decision tables' settings (history time to live)", DECISION_DEFINITION, "PartnerAgreement",
          Permissions.UPDATE, ". . . . . . . . . . Y"),
      row("Danish filter 'Mine opgaver'", FILTER, "filter:Mine opgaver", Permissions.READ, "Y Y Y Y Y . . . . . Y"),
      row("Danish filter 'Min organisation'", FILTER, "filter:Min organisation", Permissions.READ,
          "Y Y Y Y Y . . . . . Y"),
      row("Danish filter 'Overskredne'", FILTER, "filter:Overskredne", Permissions.READ, "Y Y Y Y Y . . . . . Y"),
      row("Danish filter 'Frist inden 7 dage'", FILTER, "filter:Frist inden 7 dage", Permissions.READ,
          "Y Y Y Y Y . . . . . Y"),
      row("English filter 'My tasks'", FILTER, "filter:My tasks", Permissions.READ, ". . . . . Y Y . . . Y"),
      row("English filter 'My organisation'", FILTER, "filter:My organisation", Permissions.READ,
          ". . . . . Y Y . . . Y"),
      row("English filter 'Overdue'", FILTER, "filter:Overdue", Permissions.READ, ". . . . . Y Y . . . Y"),
      row("English filter 'Due within 7 days'", FILTER, "filter:Due within 7 days", Permissions.READ,
          ". . . . . Y Y . . . Y"),
      row("change a filter", FILTER, "filter:Min organisation", Permissions.UPDATE, ". . . . . . . . . . Y"),
      row("create a filter", FILTER, "*", Permissions.CREATE, ". . . . . . . . . . Y"),
      row("Cockpit reports", REPORT, "*", Permissions.READ, ". . . . . . . Y . . Y"),
      row("create users", USER, "*", Permissions.CREATE, ". . . . . . . . . . Y"),
      row("create groups", GROUP, "*", Permissions.CREATE, ". . . . . . . . . . Y"),
      row("grant permissions", AUTHORIZATION, "*", Permissions.CREATE, ". . . . . . . . . . Y"),
      row("start batch operations", BATCH, "*", Permissions.CREATE, ". . . . . . . . . . Y"));

  record Row(String what, Resource resource, String resourceKey, Permission permission, List<Boolean> expected) {
  }

  static Row row(String what, Resource resource, String resourceKey, Permission permission, String expected) {
    List<Boolean> answers = Stream.of(expected.trim().split("\\s+")).map("Y"::equals).toList();
    if (answers.size() != USERS.size()) {
      throw new IllegalArgumentException(what + ": " + answers.size() + " answers for " + USERS.size() + " groups");
    }
    return new Row(what, resource, resourceKey, permission, answers);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final Map<String, String> resourceIds = new LinkedHashMap<>();
  Journey nigeria;
  boolean prepared;
  Journey thailand;

  /** Once per class, but inside the first test (the process-coverage recorder needs a running test). */
  @BeforeEach
  void casesAndUsers() {
    if (prepared) {
      return;
    }
    TestUsers.ensure(engine.getIdentityService());
    USERS.forEach(this::user);
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(20);
      Journey.clockAt(t0.minusDays(2));
      nigeria = Journey.start(engine, referrals,
          Journey.referral("MX-NG-" + System.nanoTime(), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG",
              t0.minusDays(2)));
      nigeria.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      nigeria.acceptOffer().executeDueJobs();
      Journey.clockAt(LocalDate.now(Journey.ZONE).minusDays(1));
      thailand = Journey.start(engine, referrals,
          Journey.referral("MX-TH-" + System.nanoTime(), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH",
              LocalDate.now(Journey.ZONE).minusDays(1)));
    } finally {
      ClockUtil.reset();
    }
    resourceIds.put("case:NG", nigeria.mainId());
    resourceIds.put("case:TH", thailand.mainId());
    resourceIds.put("task:cmm", taskOf(nigeria, "cmm").getId());
    resourceIds.put("task:partner", taskOf(nigeria, "partner-ng").getId());
    Stream.concat(TasklistFilters.DANISH.stream(), TasklistFilters.ENGLISH.stream()).map(TasklistFilters.FilterSpec::name)
        .forEach(filter -> resourceIds.put("filter:" + filter, engine.getFilterService().createFilterQuery()
            .filterName(filter).singleResult().getId()));
    // the setting the cells depend on: the Nigerian case is in preparation with tasks for every actor
    assertThat(nigeria.openTasks()).extracting(Task::getTaskDefinitionKey)
        .contains("Task_ObtainTravelDocuments", "Task_MeetBeforeDeparture", "Task_ContributeToRiskAssessment")
        .doesNotContain("Task_FindLocalPartner", "Task_PrepareReintegrationPlan");
    prepared = true;
  }

  void user(String group, String id) {
    TestUsers.ensure(engine.getIdentityService(), id, group, PASSWORD);
  }

  Task taskOf(Journey journey, String group) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(journey.caseRef())
        .taskCandidateGroup(group).orderByTaskName().asc().list();
    if (tasks.isEmpty()) {
      // tasks of subprocesses carry the business key of the case too; search all instances of the case
      tasks = journey.openTasks().stream().filter(task -> engine.getTaskService().getIdentityLinksForTask(task.getId())
          .stream().anyMatch(link -> group.equals(link.getGroupId()))).toList();
    }
    assertThat(tasks).as("open tasks of %s in case %s", group, journey.caseRef()).isNotEmpty();
    return tasks.get(0);
  }

  String resourceId(String key) {
    return key.equals("*") ? Authorization.ANY : resourceIds.getOrDefault(key, key);
  }

  @TestFactory
  Stream<DynamicTest> everyCellOfTheMatrix() {
    List<String> groups = new ArrayList<>(USERS.keySet());
    return MATRIX.stream().flatMap(row -> groups.stream().map(group -> {
      boolean expected = row.expected().get(groups.indexOf(group));
      String name = "%s %s: %s (%s %s on %s)".formatted(group, expected ? "may" : "may not", row.what(),
          row.permission().getName(), row.resource().resourceName(), row.resourceKey());
      return DynamicTest.dynamicTest(name, () -> assertThat(engine.getAuthorizationService().isUserAuthorized(
          USERS.get(group), List.of(group), row.permission(), row.resource(), resourceId(row.resourceKey())))
          .as(name).isEqualTo(expected));
    }));
  }

  // ---- the real calls behind the cells

  <T> T as(String group, Callable<T> call) throws Exception {
    engine.getIdentityService().setAuthentication(USERS.get(group), List.of(group));
    try {
      return call.call();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void asExpectingDenial(String group, Runnable call) {
    engine.getIdentityService().setAuthentication(USERS.get(group), List.of(group));
    try {
      assertThatThrownBy(call::run).as(group).isInstanceOf(AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void eachGroupFindsExactlyTheCasesItTakesPartIn() throws Exception {
    Map<String, List<String>> expectedCases = new LinkedHashMap<>();
    List<String> both = List.of(nigeria.caseRef(), thailand.caseRef());
    List<String> nigeriaOnly = List.of(nigeria.caseRef());
    expectedCases.put("udlaendingestyrelsen", nigeriaOnly);
    expectedCases.put("cmm", both);
    expectedCases.put("hjemrejsestyrelsen", nigeriaOnly);
    expectedCases.put("drc", List.of());
    expectedCases.put("politi", both);
    expectedCases.put("partner-ng", nigeriaOnly);
    expectedCases.put("partner-th", List.of());
    expectedCases.put("ledelse", both);
    expectedCases.put("procesejere", both);
    expectedCases.put("monitoring", List.of());
    for (var expected : expectedCases.entrySet()) {
      String group = expected.getKey();
      List<String> seen = as(group, () -> engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("PreparedReturn").listPage(0, 1000).stream().map(i -> i.getBusinessKey())
          .filter(both::contains).sorted().toList());
      assertThat(seen).as("cases %s sees in the runtime", group).containsExactlyElementsOf(
          expected.getValue().stream().sorted().toList());
      List<String> history = as(group, () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey("PreparedReturn").listPage(0, 1000).stream().map(i -> i.getBusinessKey())
          .filter(both::contains).sorted().toList());
      assertThat(history).as("cases %s sees in the history", group).isEqualTo(seen);
    }
  }

  @Test
  void eachOrganisationSeesAndWorksOnlyItsOwnTasks() throws Exception {
    for (String group : List.of("udlaendingestyrelsen", "cmm", "hjemrejsestyrelsen", "drc", "partner-ng", "partner-th")) {
      List<Task> visible = as(group, () -> engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(nigeria.caseRef()).listPage(0, 100));
      for (Task task : visible) {
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
            .as("%s sees task %s", group, task.getTaskDefinitionKey())
            .anyMatch(link -> group.equals(link.getGroupId()));
      }
      List<Task> candidates = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nigeria.caseRef())
          .taskCandidateGroup(group).includeAssignedTasks().list();
      assertThat(visible).as("tasks of %s", group).hasSameSizeAs(candidates);
    }
    String cmmTask = resourceIds.get("task:cmm");
    String assignee = engine.getTaskService().createTaskQuery().taskId(cmmTask).singleResult().getAssignee();
    for (String group : List.of("hjemrejsestyrelsen", "partner-ng", "partner-th", "ledelse", "procesejere")) {
      asExpectingDenial(group, () -> engine.getTaskService().claim(cmmTask, USERS.get(group)));
      asExpectingDenial(group, () -> engine.getTaskService().setVariableLocal(cmmTask, "note", "x"));
      asExpectingDenial(group, () -> engine.getTaskService().complete(cmmTask));
    }
    // the manager reads the task but changes nothing
    assertThat(as("ledelse", () -> engine.getTaskService().createTaskQuery().taskId(cmmTask).count())).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(cmmTask).singleResult().getAssignee())
        .as("assignee unchanged").isEqualTo(assignee);
    assertThat(engine.getTaskService().getVariablesLocal(cmmTask)).doesNotContainKey("note");
    // CMM claims and releases its screening of the Thai case, which the Thai partner cannot even see
    String screening = thailand.task("Task_ScreenReferral").getId();
    asExpectingDenial("partner-th", () -> engine.getTaskService().claim(screening, USERS.get("partner-th")));
    as("cmm", () -> {
      engine.getTaskService().claim(screening, USERS.get("cmm"));
      return null;
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(screening).singleResult().getAssignee())
        .isEqualTo(USERS.get("cmm"));
    as("cmm", () -> {
      engine.getTaskService().claim(screening, null);
      return null;
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(screening).singleResult().getAssignee()).isNull();
  }

  /**
   * The assignee of a group task works on it through his group, not through authorizations of his
   * own (ServiceAuthorizationProvider): someone who leaves the organisation's group loses the tasks
   * he held, and an administrator hands them to a colleague.
   */
  @Test
  void aTaskIsHeldThroughTheGroupAndStaysWithTheOrganisationWhenItsHolderLeaves() throws Exception {
    String leaver = "mx-cmm-leaver";
    TestUsers.ensure(engine.getIdentityService(), leaver, "cmm", PASSWORD);
    String screening = thailand.task("Task_ScreenReferral").getId();
    try {
      engine.getIdentityService().setAuthentication(leaver, List.of("cmm"));
      try {
        engine.getTaskService().claim(screening, leaver);
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee(leaver).listPage(0, 10))
            .extracting(Task::getId).containsExactly(screening);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn(leaver).resourceId(screening)
          .count()).as("authorizations of the assignee's own").isZero();
      assertThat(engine.getAuthorizationService().isUserAuthorized(leaver, List.of("cmm"), TaskPermissions.TASK_WORK,
          TASK, screening)).as("works on it through CMM").isTrue();

      engine.getIdentityService().deleteMembership(leaver, "cmm");
      engine.getIdentityService().setAuthentication(leaver, List.of());
      try {
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee(leaver).count())
            .as("the leaver no longer sees the task he held").isZero();
        assertThatThrownBy(() -> engine.getTaskService().complete(screening)).isInstanceOf(AuthorizationException.class);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      // an administrator hands it to a colleague (caseworkers may claim only unassigned tasks)
      engine.getIdentityService().setAuthentication("mx-admin", List.of("camunda-admin"));
      try {
        engine.getTaskService().setAssignee(screening, USERS.get("cmm"));
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      assertThat(engine.getTaskService().createTaskQuery().taskId(screening).singleResult().getAssignee())
          .as("a colleague has it").isEqualTo(USERS.get("cmm"));
    } finally {
      engine.getTaskService().setAssignee(screening, null);
      engine.getIdentityService().deleteUser(leaver);
    }
  }

  @Test
  void managersChangeNothing() {
    String instance = resourceIds.get("case:NG");
    asExpectingDenial("ledelse", () -> engine.getRuntimeService().deleteProcessInstance(instance, "no"));
    asExpectingDenial("ledelse", () -> engine.getRuntimeService().setVariable(instance, "departureDeadline", "2030-01-01"));
    asExpectingDenial("ledelse", () -> engine.getRuntimeService().suspendProcessInstanceById(instance));
    asExpectingDenial("ledelse", () -> engine.getRepositoryService().createDeployment().name("mx")
        .addModelInstance("mx.bpmn", Bpmn.createExecutableProcess("MxProcess").camundaHistoryTimeToLive(1)
            .startEvent().endEvent().done()).deploy());
    asExpectingDenial("procesejere", () -> engine.getRuntimeService().deleteProcessInstance(instance, "no"));
    asExpectingDenial("cmm", () -> engine.getRuntimeService().deleteProcessInstance(instance, "no"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .isSuspended()).isFalse();
  }

  @Test
  void onlyProcessOwnersAndAdministratorsDeploy() throws Exception {
    for (String group : List.of("udlaendingestyrelsen", "cmm", "partner-ng", "ledelse", "monitoring")) {
      asExpectingDenial(group, () -> engine.getRepositoryService().createDeployment().name("mx-" + group)
          .addModelInstance("mx.bpmn", Bpmn.createExecutableProcess("MxProcess").camundaHistoryTimeToLive(1)
              .startEvent().endEvent().done()).deploy());
    }
    for (String group : List.of("procesejere", "camunda-admin")) {
      String deployment = as(group, () -> engine.getRepositoryService().createDeployment().name("mx-" + group)
          .addModelInstance("mx.bpmn", Bpmn.createExecutableProcess("MxProcess").camundaHistoryTimeToLive(365)
              .startEvent().endEvent().done()).deploy().getId());
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).count())
          .as("deployed by %s", group).isEqualTo(1);
      // process owners suspend and activate models; deleting is for administrators
      as("procesejere", () -> {
        engine.getRepositoryService().suspendProcessDefinitionByKey("MxProcess");
        engine.getRepositoryService().activateProcessDefinitionByKey("MxProcess");
        return null;
      });
      asExpectingDenial("procesejere", () -> engine.getRepositoryService().deleteDeployment(deployment, true));
      as("camunda-admin", () -> {
        engine.getRepositoryService().deleteDeployment(deployment, true);
        return null;
      });
    }
  }

  @Test
  void processOwnersCannotDeleteRunningCasesByDeletingTheirModels() throws Exception {
    String instance = resourceIds.get("case:NG");
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
            .getProcessDefinitionId()).singleResult();
    String deployment = definition.getDeploymentId();
    asExpectingDenial("procesejere", () -> engine.getRepositoryService().deleteDeployment(deployment, true));
    asExpectingDenial("procesejere", () -> engine.getRepositoryService().deleteDeployment(deployment, true, true, true));
    asExpectingDenial("procesejere", () -> engine.getRepositoryService().deleteProcessDefinition(definition.getId(),
        true));
    asExpectingDenial("procesejere", () -> engine.getRepositoryService().deleteProcessDefinitions()
        .byKey("PreparedReturn").cascade().delete());
    HttpResponse<String> rest = send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/" + deployment
        + "?cascade=true")).DELETE(), "procesejere");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(403);
    HttpResponse<String> restDefinition = send(HttpRequest.newBuilder(URI.create(base()
        + "/engine-rest/process-definition/" + definition.getId() + "?cascade=true")).DELETE(), "procesejere");
    assertThat(restDefinition.statusCode()).as(restDefinition.body()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
        .as("the case still runs").isEqualTo(1);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
  }

  @Test
  void theRestApiAppliesTheSameMatrix() throws Exception {
    String path = "/engine-rest/process-instance?maxResults=50&businessKey=" + nigeria.caseRef();
    assertThat(getJson(path, "partner-ng")).as("partner-ng").hasSizeGreaterThanOrEqualTo(1);
    assertThat(getJson(path, "partner-th")).as("partner-th").isEmpty();
    assertThat(getJson(path, "monitoring")).as("monitoring").isEmpty();
    String task = "/engine-rest/task/" + resourceIds.get("task:cmm");
    assertThat(get(task, "cmm").statusCode()).isEqualTo(200);
    assertThat(get(task, "partner-ng").statusCode()).isIn(403, 404);
    HttpResponse<String> complete = send(HttpRequest.newBuilder(URI.create(base() + task + "/complete"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), "ledelse");
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    assertThat(complete.body()).doesNotContain("at org.camunda", "Exception:");
    assertThat(engine.getTaskService().createTaskQuery().taskId(resourceIds.get("task:cmm")).count())
        .as("the task is still open").isEqualTo(1);
    HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/process-instance/"
        + resourceIds.get("case:NG"))).DELETE(), "procesejere");
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
  }

  String base() {
    return "http://localhost:" + port;
  }

  HttpResponse<String> get(String path, String group) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), group);
  }

  JsonNode getJson(String path, String group) throws Exception {
    HttpResponse<String> response = get(path, group);
    assertThat(response.statusCode()).as(path + " as " + group + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  HttpResponse<String> send(HttpRequest.Builder request, String group) throws Exception {
    request.header("Authorization", TestUsers.basicAuth(USERS.get(group), PASSWORD));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
