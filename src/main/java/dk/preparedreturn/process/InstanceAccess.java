package dk.preparedreturn.process;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * READ on a case's process instances and their history for the organisations taking part (the REST
 * API, Tasklist and Cockpit show an organisation only the instances it may read). Written on the
 * service's behalf; each grant once.
 */
@Component
public class InstanceAccess {

  private static final Object GRANTED = InstanceAccess.class.getName() + ".granted";

  private final AuthorizationService authorizations;
  private final RuntimeService runtime;
  private final org.camunda.bpm.engine.HistoryService history;

  InstanceAccess(@Lazy AuthorizationService authorizations, @Lazy RuntimeService runtime,
      @Lazy org.camunda.bpm.engine.HistoryService history) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.history = history;
  }

  /** The ids of the case's running process instances. */
  public List<String> runningInstances(String caseRef) {
    return Privileged.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list())
        .stream().map(instance -> instance.getId()).toList();
  }

  /**
   * Grants each group READ on the instance and its history unless it already may (granted earlier,
   * or earlier in this transaction, where a query cannot see it yet). An instance started in this
   * very command has no grants in the database yet, so it is not asked.
   */
  public void grantRead(String processInstanceId, Collection<String> groups) {
    Set<String> grantedInTransaction = grantedInThisTransaction();
    boolean startedNow = startedInThisCommand(processInstanceId);
    Privileged.run(() -> {
      for (String group : groups) {
        if (!grantedInTransaction.add(group + "|" + processInstanceId)
            || !startedNow && authorizations.createAuthorizationQuery().groupIdIn(group)
            .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0) {
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

  /**
   * The group no longer reads anything of the case: every grant it holds on the case's process
   * instances (running and finished), their history and their tasks is deleted. Returns how many.
   */
  public int revokeAll(String caseRef, String group) {
    return Privileged.call(() -> {
      Set<String> resources = new HashSet<>();
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()
          .forEach(instance -> resources.add(instance.getId()));
      if (resources.isEmpty()) {
        return 0;
      }
      history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseRef).list()
          .forEach(task -> resources.add(task.getId()));
      int revoked = 0;
      for (Authorization grant : authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
        if (resources.contains(grant.getResourceId())) {
          authorizations.deleteAuthorization(grant.getId());
          revoked++;
        }
      }
      return revoked;
    });
  }

  private static boolean startedInThisCommand(String processInstanceId) {
    var context = Context.getCommandContext();
    if (context == null) {
      return false;
    }
    var cache = context.getDbEntityManager().getDbEntityCache();
    ExecutionEntity instance = cache.get(ExecutionEntity.class, processInstanceId);
    return instance != null && cache.isTransient(instance);
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
