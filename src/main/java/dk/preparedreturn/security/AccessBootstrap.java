package dk.preparedreturn.security;

import dk.preparedreturn.process.StartupLock;
import dk.preparedreturn.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the standing grants of {@link AccessModel} exist at every start (after the groups were
 * created), for every partner group in the database, including ones an administrator added later.
 * Missing permissions are added to an existing grant; otherwise a grant an administrator widened in
 * Camunda Admin stays as it is, except for the permissions {@link AccessModel#withdrawn} lists,
 * which are taken out of the group grants at every start. One node at a time ({@link StartupLock}).
 */
@Component
@Order(20)
class AccessBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ServiceAuthorizationProvider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    StartupLock.exclusively(engine, "standing authorizations", () -> grant(engine));
  }

  private void grant(ProcessEngine engine) {
    List<String> partners = engine.getIdentityService().createGroupQuery().list().stream().map(Group::getId)
        .filter(Groups::isPartnerGroup).toList();
    AuthorizationService authorizations = engine.getAuthorizationService();
    int changed = 0;
    for (AccessModel.Grant grant : AccessModel.grants(partners)) {
      if (engine.getIdentityService().createGroupQuery().groupId(grant.groupId()).count() == 0) {
        continue;
      }
      Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(grant.groupId())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).authorizationType(Authorization.AUTH_TYPE_GRANT)
          .singleResult();
      Authorization authorization = existing;
      boolean missing = existing == null;
      if (missing) {
        authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
      }
      for (var permission : grant.permissions()) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          missing = true;
        }
      }
      if (missing) {
        authorizations.saveAuthorization(authorization);
        changed++;
      }
    }
    if (changed > 0) {
      LOG.info("Standing authorizations: {} added or widened", changed);
    }
    withdrawDeleteOfDeployersWhoAreNotAdministrators(engine);
    for (AccessModel.Grant grant : AccessModel.withdrawn(partners)) {
      Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(grant.groupId())
          .resourceType(grant.resource()).resourceId(grant.resourceId()).authorizationType(Authorization.AUTH_TYPE_GRANT)
          .singleResult();
      if (existing == null) {
        continue;
      }
      boolean narrowed = false;
      for (var permission : grant.permissions()) {
        if (existing.isPermissionGranted(permission)) {
          existing.removePermission(permission);
          narrowed = true;
        }
      }
      if (narrowed) {
        authorizations.saveAuthorization(existing);
        LOG.warn("Standing authorizations: withdrew {} on {} {} from group {}", List.of(grant.permissions()).stream()
            .map(p -> p.getName()).toList(), grant.resource().resourceName(), grant.resourceId(), grant.groupId());
      }
    }
  }

  /** DELETE that earlier versions let Camunda give deployers on their deployments (see {@link #preInit}). */
  private static void withdrawDeleteOfDeployersWhoAreNotAdministrators(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    int withdrawn = 0;
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.DELETE).list()) {
      if (grant.getUserId() == null || Authorization.ANY.equals(grant.getUserId())
          || engine.getIdentityService().createGroupQuery().groupMember(grant.getUserId()).groupId(Groups.ADMINS)
              .count() > 0) {
        continue;
      }
      grant.removePermission(Permissions.DELETE);
      authorizations.saveAuthorization(grant);
      withdrawn++;
    }
    if (withdrawn > 0) {
      LOG.warn("Standing authorizations: withdrew DELETE on {} deployments from the users who deployed them", withdrawn);
    }
  }
}
