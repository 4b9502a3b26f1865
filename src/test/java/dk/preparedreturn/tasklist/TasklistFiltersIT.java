package dk.preparedreturn.tasklist;

import dk.preparedreturn.process.Variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.reintegration.ReintegrationProcess;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each Tasklist filter returns, run as Tasklist runs it ({@code filterService.list} as a
 * signed-in user of a group) on PostgreSQL: tasks with known due dates, groups and assignees are
 * created, and each filter must return exactly those of them it should, in due-date order (tasks
 * without a due date last), and nothing that breaks its rule among the other tasks in the database.
 * (The probes are no cases: without a case reference they take part in none.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFiltersIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Filters-Test-Passw0rd!";
  static final String CMM_USER = "flt-cmm";
  static final String CMM_OTHER = "flt-cmm2";
  static final String DRC_USER = "flt-drc";
  static final String PARTNER_USER = "flt-ng";

  @Autowired
  CaseService cases;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;

  /** Probe name -> task id. */
  final Map<String, String> probes = new LinkedHashMap<>();
  final List<String> instances = new ArrayList<>();
  String deployment;
  Instant now;
  /** A case routed to partner Nigeria: a partner's task exists only in a case routed to it. */
  String nigerianCase;

  /** Once per class, inside the first test (the process-coverage recorder needs a running test). */
  @BeforeEach
  void tasks() {
    if (deployment != null) {
      return;
    }
    var identity = engine.getIdentityService();
    TestUsers.ensure(identity, CMM_USER, "cmm", PASSWORD);
    TestUsers.ensure(identity, CMM_OTHER, "cmm", PASSWORD);
    TestUsers.ensure(identity, DRC_USER, "drc", PASSWORD);
    TestUsers.ensure(identity, PARTNER_USER, "partner-ng", PASSWORD);
    deployment = engine.getRepositoryService().createDeployment().name("filter-probe")
        .addModelInstance("FilterProbe.bpmn", Bpmn.createExecutableProcess("FilterProbe").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Probe").name("Filter probe").camundaCandidateGroups("${group}").camundaDueDate("${due}")
            .endEvent()
            .done())
        .deploy().getId();
    nigerianCase = referrals.refer(Journey.referral("FLT-" + UUID.randomUUID(), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE,
        "NG", LocalDate.now(Journey.ZONE)), "flt-test").caseRef();
    // a partner takes part only once the person accepted the offer with consent to sharing data
    transactions.executeWithoutResult(status -> cases.recordAcceptance(nigerianCase, "NG", null, null, null));
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nigerianCase).rootProcessInstances().list()
        .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "filter probe: only the case record"));
    now = Instant.now();
    probe("cmm overdue 3 days", "cmm", now.minus(Duration.ofDays(3)), null);
    probe("cmm overdue 2 hours, mine", "cmm", now.minus(Duration.ofHours(2)), CMM_USER);
    probe("cmm due in 1 day", "cmm", now.plus(Duration.ofDays(1)), null);
    probe("cmm due in 2 days, mine", "cmm", now.plus(Duration.ofDays(2)), CMM_USER);
    probe("cmm due in 6 days, a colleague's", "cmm", now.plus(Duration.ofDays(6)), CMM_OTHER);
    probe("cmm due in 10 days", "cmm", now.plus(Duration.ofDays(10)), null);
    probe("cmm without due date", "cmm", null, null);
    probe("drc overdue 1 day", "drc", now.minus(Duration.ofDays(1)), null);
    probe("drc due in 3 days", "drc", now.plus(Duration.ofDays(3)), null);
    probe("partner overdue 1 day", "partner-ng", now.minus(Duration.ofDays(1)), null);
    probe("partner due in 5 days, mine", "partner-ng", now.plus(Duration.ofDays(5)), PARTNER_USER);
  }

  void probe(String name, String group, Instant due, String assignee) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("group", group);
    variables.put("due", due == null ? null : Date.from(due));
    variables.put(CaseVariables.DEPARTURE_DEADLINE.name(), "2030-01-31");
    String instance = engine.getRuntimeService().startProcessInstanceByKey("FilterProbe", nigerianCase, variables)
        .getId();
    instances.add(instance);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    if (assignee != null) {
      engine.getTaskService().setAssignee(task.getId(), assignee);
    }
    probes.put(name, task.getId());
  }

  @AfterAll
  void removeTheProbes() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true, true, true);
    }
  }

  @Test
  void theDanishFiltersOfACaseworker() throws Exception {
    assertThat(run(CMM_USER, "cmm", "Mine opgaver")).containsExactly(
        "cmm overdue 2 hours, mine", "cmm due in 2 days, mine");
    assertThat(run(CMM_USER, "cmm", "Min organisation")).containsExactly(
        "cmm overdue 3 days", "cmm overdue 2 hours, mine", "cmm due in 1 day", "cmm due in 2 days, mine",
        "cmm due in 6 days, a colleague's", "cmm due in 10 days", "cmm without due date");
    assertThat(run(CMM_USER, "cmm", "Overskredne")).containsExactly(
        "cmm overdue 3 days", "cmm overdue 2 hours, mine");
    assertThat(run(CMM_USER, "cmm", "Frist inden 7 dage")).containsExactly(
        "cmm due in 1 day", "cmm due in 2 days, mine", "cmm due in 6 days, a colleague's");

    assertThat(run(DRC_USER, "drc", "Mine opgaver")).isEmpty();
    assertThat(run(DRC_USER, "drc", "Min organisation")).containsExactly("drc overdue 1 day", "drc due in 3 days");
    assertThat(run(DRC_USER, "drc", "Overskredne")).containsExactly("drc overdue 1 day");
    assertThat(run(DRC_USER, "drc", "Frist inden 7 dage")).containsExactly("drc due in 3 days");
  }

  @Test
  void theEnglishFiltersOfAPartner() throws Exception {
    assertThat(run(PARTNER_USER, "partner-ng", "My tasks")).containsExactly("partner due in 5 days, mine");
    assertThat(run(PARTNER_USER, "partner-ng", "My organisation")).containsExactly(
        "partner overdue 1 day", "partner due in 5 days, mine");
    assertThat(run(PARTNER_USER, "partner-ng", "Overdue")).containsExactly("partner overdue 1 day");
    assertThat(run(PARTNER_USER, "partner-ng", "Due within 7 days")).containsExactly("partner due in 5 days, mine");
  }

  @Test
  void eachGroupReadsOnlyTheFiltersInItsLanguage() throws Exception {
    for (TasklistFilters.FilterSpec spec : TasklistFilters.DANISH) {
      String id = filter(spec.name()).getId();
      assertThatThrownBy(() -> as(PARTNER_USER, "partner-ng", () -> engine.getFilterService().list(id)))
          .as(spec.name()).isInstanceOf(AuthorizationException.class);
      assertThat(as(PARTNER_USER, "partner-ng", () -> engine.getFilterService().createFilterQuery()
          .filterName(spec.name()).count())).isZero();
    }
    for (TasklistFilters.FilterSpec spec : TasklistFilters.ENGLISH) {
      String id = filter(spec.name()).getId();
      assertThatThrownBy(() -> as(CMM_USER, "cmm", () -> engine.getFilterService().list(id)))
          .as(spec.name()).isInstanceOf(AuthorizationException.class);
    }
    List<String> visibleToCmm = as(CMM_USER, "cmm", () -> engine.getFilterService().createFilterQuery().listPage(0, 100)
        .stream().map(Filter::getName).sorted().toList());
    assertThat(visibleToCmm).containsExactlyInAnyOrderElementsOf(
        TasklistFilters.DANISH.stream().map(TasklistFilters.FilterSpec::name).toList());
  }

  @Test
  void theColumnsAreTheCaseAndItsDatesAndTheFiltersAreSortedByDueDate() {
    List<String> caseVariables = Stream.of(CaseVariables.class.getFields())
        .filter(f -> f.getType() == dk.preparedreturn.process.Variable.class)
        .map(f -> {
          try {
            return ((dk.preparedreturn.process.Variable<?>) f.get(null)).name();
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }).toList();
    for (var set : Map.of(TasklistFilters.DANISH, List.of("caseRef", "departureDeadline", "plannedDepartureDate",
        "arrivalDate"), TasklistFilters.ENGLISH, List.of("caseRef", "departureDeadline", "plannedDepartureDate",
        "arrivalDate", ReintegrationProcess.SUPPORT_MONTH.name())).entrySet()) {
      for (TasklistFilters.FilterSpec spec : set.getKey()) {
        Filter filter = filter(spec.name());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) filter.getProperties().get("variables");
        assertThat(columns).as(spec.name()).extracting(c -> (String) c.get("name"))
            .containsExactlyElementsOf(set.getValue());
        assertThat(columns).allSatisfy(c -> assertThat((String) c.get("label")).isNotBlank());
        assertThat(set.getValue().stream().filter(name -> !name.equals("supportMonth")))
            .as("columns are variables of the case").allSatisfy(name -> assertThat(caseVariables).contains(name));
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getOrderingProperties())
            .as(spec.name() + " sorted by due date").hasSize(1)
            .allSatisfy(o -> assertThat(o.getQueryProperty().getName()).isEqualTo("DUE_DATE_"));
      }
    }
  }

  /**
   * Runs a filter as Tasklist does for a signed-in user; checks its rule and its order over everything
   * it returns, and returns the names of the probes among it, in the filter's order.
   */
  List<String> run(String user, String group, String filterName) throws Exception {
    Filter filter = filter(filterName);
    Date queried = new Date();
    List<Task> tasks = as(user, group, () -> engine.getFilterService().<Task>listPage(filter.getId(), 0, 2000));
    long count = as(user, group, () -> engine.getFilterService().count(filter.getId()));
    assertThat(count).as(filterName + " count").isEqualTo(tasks.size());
    Date current = Date.from(Instant.now());
    for (Task task : tasks) {
      String what = filterName + " as " + user + ": task " + task.getName() + " " + task.getId();
      boolean mine = user.equals(task.getAssignee());
      List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      boolean ofGroup = links.stream().anyMatch(l -> group.equals(l.getGroupId()));
      switch (kind(filterName)) {
        case 0 -> assertThat(mine).as(what + " is mine").isTrue();
        case 1 -> assertThat(ofGroup).as(what + " is my organisation's").isTrue();
        case 2 -> {
          assertThat(ofGroup).as(what + " is my organisation's").isTrue();
          assertThat(task.getDueDate()).as(what + " is overdue").isNotNull().isBefore(current);
        }
        default -> {
          assertThat(ofGroup).as(what + " is my organisation's").isTrue();
          assertThat(task.getDueDate()).as(what + " is due within 7 days").isNotNull()
              .isAfter(queried).isBefore(Date.from(Instant.now().plus(Duration.ofDays(7))));
        }
      }
    }
    for (int i = 1; i < tasks.size(); i++) {
      Date before = tasks.get(i - 1).getDueDate();
      Date after = tasks.get(i).getDueDate();
      assertThat(before == null && after != null).as(filterName + ": tasks without due date come last").isFalse();
      if (before != null && after != null) {
        assertThat(before).as(filterName + ": by due date").isBeforeOrEqualTo(after);
      }
    }
    Map<String, String> namesById = new HashMap<>();
    probes.forEach((name, id) -> namesById.put(id, name));
    return tasks.stream().map(t -> namesById.get(t.getId())).filter(Objects::nonNull).toList();
  }

  static int kind(String filterName) {
    for (List<TasklistFilters.FilterSpec> set : List.of(TasklistFilters.DANISH, TasklistFilters.ENGLISH)) {
      for (int i = 0; i < set.size(); i++) {
        if (set.get(i).name().equals(filterName)) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException(filterName);
  }

  Filter filter(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
  }

  <T> T as(String user, String group, Callable<T> call) throws Exception {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return call.call();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
