package dk.preparedreturn.tasklist;

import dk.preparedreturn.process.StartupLock;
import dk.preparedreturn.identity.Groups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The caseworkers' Tasklist filters, created at start-up where missing: "Mine", "My organisation",
 * "Overdue" and "Due within 7 days", sorted by due date, with the case reference and the relevant
 * dates as columns. One Danish set readable by the Danish organisations, one English set readable
 * by the partners abroad. The queries use the signed-in user and groups, so one filter serves
 * every organisation. One node at a time ({@link StartupLock}): filter names are not unique in the
 * database, so two nodes starting together would otherwise create two sets.
 */
@Component
@Order(30)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  public record FilterSpec(String name, String description, int priority, String color) {
  }

  public static final List<FilterSpec> DANISH = List.of(
      new FilterSpec("Mine opgaver", "Opgaver tildelt mig", -10, "#1b5e20"),
      new FilterSpec("Min organisation", "Alle opgaver til min organisation", -9, "#0d47a1"),
      new FilterSpec("Overskredne", "Opgaver til min organisation med overskredet frist", -8, "#b71c1c"),
      new FilterSpec("Frist inden 7 dage", "Opgaver til min organisation med frist inden for 7 dage", -7, "#e65100"));
  public static final List<FilterSpec> ENGLISH = List.of(
      new FilterSpec("My tasks", "Tasks assigned to me", -6, "#1b5e20"),
      new FilterSpec("My organisation", "All tasks of my organisation", -5, "#0d47a1"),
      new FilterSpec("Overdue", "Tasks of my organisation past their due date", -4, "#b71c1c"),
      new FilterSpec("Due within 7 days", "Tasks of my organisation due within 7 days", -3, "#e65100"));

  /**
   * The case and its dates as columns (labels as in the task forms): the departure deadline, the
   * booked flight (what Hjemrejsestyrelsen, CMM, DRC and the partner prepare for) and the arrival
   * (from which every support month and report is counted). Each is empty until the case has it.
   * The extension limit ({@code maxDeadline}) matters for one decision only and is shown in its form.
   */
  public static final List<Map<String, String>> DANISH_COLUMNS = List.of(column("caseRef", "Sag"),
      column("departureDeadline", "Udrejsefrist"), column("plannedDepartureDate", "Planlagt udrejse"),
      column("arrivalDate", "Ankomst"));
  public static final List<Map<String, String>> ENGLISH_COLUMNS = List.of(column("caseRef", "Case"),
      column("departureDeadline", "Departure deadline"), column("plannedDepartureDate", "Planned departure"),
      column("arrivalDate", "Arrival"), column("supportMonth", "Support month"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    StartupLock.exclusively(engine, "Tasklist filters", () -> createFilters(engine));
  }

  private void createFilters(ProcessEngine engine) {
    List<String> partners = engine.getIdentityService().createGroupQuery().list().stream().map(Group::getId)
        .filter(Groups::isPartnerGroup).toList();
    create(engine, DANISH, Groups.DANISH_CASE_ACTORS, DANISH_COLUMNS);
    create(engine, ENGLISH, partners, ENGLISH_COLUMNS);
  }

  private static void create(ProcessEngine engine, List<FilterSpec> specs, List<String> groups,
      List<Map<String, String>> columns) {
    FilterService filters = engine.getFilterService();
    TaskService tasks = engine.getTaskService();
    for (int i = 0; i < specs.size(); i++) {
      FilterSpec spec = specs.get(i);
      Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(spec.name());
        filter.setQuery(query(tasks, i));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("color", spec.color());
        properties.put("refresh", true);
        properties.put("variables", columns);
        filter.setProperties(properties);
        filters.saveFilter(filter);
      } else if (addMissingColumns(filter, columns)) {
        filters.saveFilter(filter);
      }
      grantRead(engine.getAuthorizationService(), filter.getId(), groups);
    }
  }

  /** Adds the columns a filter created by an earlier version lacks; columns added in Tasklist stay. */
  @SuppressWarnings("unchecked")
  private static boolean addMissingColumns(Filter filter, List<Map<String, String>> columns) {
    Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties() == null ? Map.of()
        : filter.getProperties());
    List<Map<String, Object>> existing = properties.get("variables") instanceof List<?> list
        ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
    boolean added = false;
    for (Map<String, String> column : columns) {
      if (existing.stream().noneMatch(c -> column.get("name").equals(c.get("name")))) {
        existing.add(new LinkedHashMap<>(column));
        added = true;
      }
    }
    if (added) {
      properties.put("variables", existing);
      filter.setProperties(properties);
    }
    return added;
  }

  /** 0 mine, 1 my organisation, 2 overdue, 3 due within 7 days; always by due date. */
  static TaskQuery query(TaskService tasks, int kind) {
    TaskQuery query = tasks.createTaskQuery();
    switch (kind) {
      case 0 -> query.taskAssigneeExpression("${currentUser()}");
      case 1 -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
      case 2 -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .dueBeforeExpression("${now()}");
      default -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}");
    }
    return query.orderByDueDate().asc();
  }

  private static void grantRead(AuthorizationService authorizations, String filterId, List<String> groups) {
    for (String group : groups) {
      boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
          .resourceId(filterId).count() > 0;
      if (!granted) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
