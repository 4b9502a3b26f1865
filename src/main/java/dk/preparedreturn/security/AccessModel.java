package dk.preparedreturn.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DASHBOARD;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.REPORT;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import dk.preparedreturn.identity.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * The standing (not per-case) grants of each kind of group. Per-case access comes from taking part
 * in a case ({@link CaseParticipation}) and per-task access from the candidate groups of each task
 * (the engine's default authorization provider, with TASK_WORK for the group).
 *
 * <table>
 *   <tr><th>group</th><th>may</th><th>may not</th></tr>
 *   <tr><td>caseworkers (Danish organisations)</td><td>Tasklist; read process and decision models</td><td>read instances, tasks or history of cases they do not take part in;
 *     Cockpit; deploy</td></tr>
 *   <tr><td>partners abroad</td><td>Tasklist; read process models</td><td>the same</td></tr>
 *   <tr><td>managers (ledelse)</td><td>Cockpit; read every model, instance, task, history and report</td>
 *     <td>change anything (no create, update, delete, migrate, deploy)</td></tr>
 *   <tr><td>process owners (procesejere)</td><td>Cockpit; deploy (Camunda Modeler; every deployment is checked by ModelRules); suspend and activate models;
 *     read instances and history</td><td>change or delete running cases; delete deployments or process
    definitions (a cascading delete would remove running cases)</td></tr>
 *   <tr><td>administrators (camunda-admin)</td><td>everything</td><td></td></tr>
 * </table>
 */
public final class AccessModel {

  public static final String RECORD_CASE_EVENT = "RecordCaseEvent";
  public static final String REPORT_PARTNER_EVENT = "ReportPartnerEvent";

  /** One standing grant. */
  public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  private AccessModel() {
  }

  public static List<Grant> grants(List<String> partnerGroups) {
    List<Grant> grants = new ArrayList<>();
    List<String> caseworkers = new ArrayList<>(Groups.DANISH_CASE_ACTORS);
    for (String group : caseworkers) {
      grants.add(new Grant(group, APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, PROCESS_DEFINITION, Authorization.ANY, Permissions.READ));
      grants.add(new Grant(group, DECISION_DEFINITION, Authorization.ANY, Permissions.READ));
    }
    for (String group : partnerGroups) {
      grants.add(new Grant(group, APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, PROCESS_DEFINITION, Authorization.ANY, Permissions.READ));
    }
    String managers = Groups.MANAGERS;
    grants.add(new Grant(managers, APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(managers, PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK));
    grants.add(new Grant(managers, PROCESS_INSTANCE, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(managers, TASK, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(managers, HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ));
    grants.add(new Grant(managers, HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ));
    grants.add(new Grant(managers, DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(managers, DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(managers, DEPLOYMENT, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(managers, REPORT, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(managers, DASHBOARD, Authorization.ANY, Permissions.READ));
    String owners = Groups.PROCESS_OWNERS;
    grants.add(new Grant(owners, APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(owners, APPLICATION, "tasklist", Permissions.ACCESS));
    // No DELETE on deployments or process definitions: Camunda checks the same permission for a
    // cascading delete, which removes every running case of the models. Only administrators delete.
    grants.add(new Grant(owners, DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ));
    grants.add(new Grant(owners, PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.SUSPEND));
    grants.add(new Grant(owners, DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(owners, DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(owners, PROCESS_INSTANCE, Authorization.ANY, Permissions.READ));
    grants.add(new Grant(owners, HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ));
    grants.add(new Grant(owners, DASHBOARD, Authorization.ANY, Permissions.READ));
    return grants;
  }

  /**
   * Permissions earlier versions granted and that must not stay: they are taken out of the standing
   * group grants at every start (grants to single users are left alone).
   */
  public static List<Grant> withdrawn(List<String> partnerGroups) {
    List<Grant> withdrawn = new ArrayList<>(List.of(
        new Grant(Groups.PROCESS_OWNERS, DEPLOYMENT, Authorization.ANY, Permissions.DELETE),
        new Grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.DELETE),
        // history time to live and other definition updates are for administrators
        new Grant(Groups.PROCESS_OWNERS, PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.UPDATE),
        new Grant(Groups.PROCESS_OWNERS, DECISION_DEFINITION, Authorization.ANY, Permissions.UPDATE)));
    // events are reported on the case page and through the API; only the service starts their processes
    List<String> caseworkers = new ArrayList<>(Groups.DANISH_CASE_ACTORS);
    caseworkers.addAll(partnerGroups);
    for (String group : caseworkers) {
      withdrawn.add(new Grant(group, PROCESS_DEFINITION, RECORD_CASE_EVENT, ProcessDefinitionPermissions.CREATE_INSTANCE));
      withdrawn.add(new Grant(group, PROCESS_DEFINITION, REPORT_PARTNER_EVENT, ProcessDefinitionPermissions.CREATE_INSTANCE));
      withdrawn.add(new Grant(group, PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));
    }
    return withdrawn;
  }
}
