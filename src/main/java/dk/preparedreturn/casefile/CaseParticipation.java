package dk.preparedreturn.casefile;

import dk.preparedreturn.process.Privileged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Need-to-know: an organisation takes part in a case from the moment it refers the case or gets a
 * task in it. Taking part is recorded in {@code case_participant} (used by the case API) and gives
 * the group READ on the case's process instances and their history in the engine (used by the REST
 * API and Cockpit). A partner abroad only ever takes part in cases routed to its country, because
 * only those give it tasks.
 */
@Service
public class CaseParticipation {

  private static final Object GRANTED = CaseParticipation.class.getName() + ".granted";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuthorizationService authorizations;
  private final RuntimeService runtime;

  public CaseParticipation(JdbcClient jdbc, @Lazy AuthorizationService authorizations, @Lazy RuntimeService runtime, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.runtime = runtime;
  }

  /** The group takes part in the case from now on (no-op when it already does). */
  public void join(String caseRef, String groupId) {
    join(caseRef, groupId, List.of());
  }

  /**
   * The group takes part in the case and may read its process instances: those in the database
   * and those named (the hierarchy of the task that made it take part, which may have been started
   * in this very transaction and so not be visible to a query yet).
   */
  public void join(String caseRef, String groupId, Collection<String> processInstanceIds) {
    int added = jdbc.sql("INSERT INTO case_participant (case_ref, group_id, since) SELECT ?, ?, ? FROM (SELECT 1 AS one) x"
            + " WHERE NOT EXISTS (SELECT 1 FROM case_participant WHERE case_ref = ? AND group_id = ?)")
        .params(caseRef, groupId, Timestamp.from(clock.instant()), caseRef, groupId)
        .update();
    if (added == 0) {
      // Already taking part: every instance of the case already grants the group READ, those started
      // before it joined (granted when it joined) and those started since (granted by
      // instanceStarted, also within this transaction, as the participant row is visible to it).
      return;
    }
    Set<String> instances = new LinkedHashSet<>(processInstanceIds);
    Privileged.run(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()
        .forEach(instance -> instances.add(instance.getId())));
    instances.forEach(instance -> grant(instance, List.of(groupId)));
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

  /**
   * Grants each group READ on the instance and its history unless it already may (granted earlier,
   * or earlier in this transaction, where a query cannot see it yet).
   */
  private void grant(String processInstanceId, List<String> groups) {
    Set<String> grantedInTransaction = grantedInThisTransaction();
    Privileged.run(() -> {
      for (String group : groups) {
        if (!grantedInTransaction.add(group + "|" + processInstanceId)
            || authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(processInstanceId).count() > 0) {
          continue;
        }
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

  @SuppressWarnings("unchecked")
  private static Set<String> grantedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    Set<String> granted = (Set<String>) TransactionSynchronizationManager.getResource(GRANTED);
    if (granted == null) {
      granted = new HashSet<>();
      TransactionSynchronizationManager.bindResource(GRANTED, granted);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(GRANTED);
        }
      });
    }
    return granted;
  }
}
