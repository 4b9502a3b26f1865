package dk.preparedreturn.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without a scan of the whole authorization table per engine call.
 *
 * <p>Before every check (each task query, claim, completion of a caseworker) Camunda reads the
 * distinct group ids of all authorizations ({@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}) to drop the caller's groups that have none, which keeps the SQL short for
 * users with hundreds of directory groups. Here users have one or two groups, while the table
 * grows with the cases (each task and each case participant has authorizations): the scan cost a
 * round trip per call and grew with the caseload (benchmark B3). Keeping the caller's groups as
 * they are gives the same answers: a group without authorizations matches no row.
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(AuthorizationManager.class,
        new GenericManagerFactory(CallerGroupsAuthorizationManager.class));
  }

  /** The engine's authorization manager, with the caller's groups taken as they are. */
  public static class CallerGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
