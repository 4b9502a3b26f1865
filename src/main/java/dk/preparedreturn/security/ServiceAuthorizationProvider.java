package dk.preparedreturn.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;

/**
 * The authorizations Camunda writes by itself when something is created, adjusted to the service:
 *
 * <ul>
 *   <li>whoever deploys gets READ on the new deployment, not DELETE (DELETE would let a process owner
 *       cascade-delete the running cases of a model version he deployed);</li>
 *   <li>the assignee of a task the model gives to candidate groups gets no authorizations of his own:
 *       the service admits only members of a candidate group as assignees (participation
 *       listeners), and the group's authorizations already let him work on it. Someone who leaves
 *       the organisation's group so also loses the tasks he held;</li>
 *   <li>for a task created in this very command, the grants of its candidate groups are not looked
 *       up in the database first (none can be there yet); only this command's own are merged.</li>
 * </ul>
 */
class ServiceAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newDeployment(Deployment deployment) {
    Authentication current = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return null;
    }
    return new AuthorizationEntity[] {createGrantAuthorization(current.getUserId(), null, Resources.DEPLOYMENT,
        deployment.getId(), Permissions.READ)};
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (newAssignee != null && drawnForCandidateGroups(task)) {
      return null;
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
      Resource resource) {
    if (!createdInThisCommand(taskId)) {
      return super.getGrantAuthorization(taskId, userId, groupId, resource);
    }
    for (AuthorizationEntity created : Context.getCommandContext().getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class)) {
      if (created.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && taskId.equals(created.getResourceId())
          && created.getResourceType() == resource.resourceType() && same(userId, created.getUserId())
          && same(groupId, created.getGroupId())) {
        return created;
      }
    }
    return null;
  }

  private static boolean drawnForCandidateGroups(Task task) {
    return task instanceof TaskEntity entity && entity.getTaskDefinition() != null
        && !entity.getTaskDefinition().getCandidateGroupIdExpressions().isEmpty();
  }

  private static boolean createdInThisCommand(String taskId) {
    var context = Context.getCommandContext();
    if (context == null || taskId == null) {
      return false;
    }
    var cache = context.getDbEntityManager().getDbEntityCache();
    TaskEntity task = cache.get(TaskEntity.class, taskId);
    return task != null && cache.isTransient(task);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
