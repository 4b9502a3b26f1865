package dk.preparedreturn.security;

import dk.preparedreturn.engine.StartupLock;
import dk.preparedreturn.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the standing grants of {@link AccessModel} exist at every start (after the groups were
 * created), for every partner group in the database, including ones an administrator added later.
 * Missing permissions are added to an existing grant; nothing is ever removed here, so a grant an
 * administrator widened in Camunda Admin stays as it is. One node at a time ({@link StartupLock}).
 */
@Component
@Order(20)
class AccessBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

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
  }
}
