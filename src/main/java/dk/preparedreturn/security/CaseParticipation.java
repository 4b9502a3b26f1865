package dk.preparedreturn.security;

import dk.preparedreturn.journey.Privileged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Need-to-know: an organisation takes part in a case from the moment it refers the case or gets a
 * task in it. Taking part is recorded in {@code case_participant} (used by the case API) and gives
 * the group READ on the case's process instances and their history in the engine (used by the REST
 * API and Cockpit). A partner abroad only ever takes part in cases routed to its country, because
 * only those give it tasks.
 */
@Service
public class CaseParticipation {

  private final JdbcClient jdbc;
  private final AuthorizationService authorizations;
  private final RuntimeService runtime;

  public CaseParticipation(JdbcClient jdbc, @Lazy AuthorizationService authorizations, @Lazy RuntimeService runtime) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.runtime = runtime;
  }

  /** The group takes part in the case from now on (no-op when it already does). */
  public void join(String caseRef, String groupId) {
    int added = jdbc.sql("INSERT INTO case_participant (case_ref, group_id, since) SELECT ?, ?, ? FROM (SELECT 1 AS one) x"
            + " WHERE NOT EXISTS (SELECT 1 FROM case_participant WHERE case_ref = ? AND group_id = ?)")
        .params(caseRef, groupId, Timestamp.from(ClockUtil.getCurrentTime().toInstant()), caseRef, groupId)
        .update();
    if (added == 1) {
      Privileged.run(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()
          .forEach(instance -> grant(instance.getId(), List.of(groupId))));
    }
  }

  /** A process instance of the case started: every participant may read it. */
  public void instanceStarted(String caseRef, String processInstanceId) {
    grant(processInstanceId, groups(caseRef));
  }

  public List<String> groups(String caseRef) {
    return jdbc.sql("SELECT group_id FROM case_participant WHERE case_ref = ? ORDER BY since, group_id").param(caseRef)
        .query(String.class).list();
  }

  public boolean takesPart(String caseRef, Collection<String> groupIds) {
    return !groupIds.isEmpty() && groups(caseRef).stream().anyMatch(groupIds::contains);
  }

  public Instant since(String caseRef, String groupId) {
    return jdbc.sql("SELECT since FROM case_participant WHERE case_ref = ? AND group_id = ?").params(caseRef, groupId)
        .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
  }

  private void grant(String processInstanceId, List<String> groups) {
    Privileged.run(() -> {
      for (String group : groups) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
        Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        history.setGroupId(group);
        history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
        history.setResourceId(processInstanceId);
        history.addPermission(HistoricProcessInstancePermissions.READ);
        authorizations.saveAuthorization(history);
      }
    });
  }

  /** Used when the case's main process instance is known only after its start. */
  public void grantAll(String caseRef, ProcessInstance instance) {
    grant(instance.getId(), groups(caseRef));
  }
}
