package dk.preparedreturn.users;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.StartupLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and only where missing, the actor groups, the administrator and (on the
 * embedded default only) the demo users. Outside the embedded default it refuses to start with demo
 * users, demo data or a default password. One node at a time ({@link StartupLock}).
 */
@Component
@Order(10)
class IdentityBootstrap extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final IdentityProperties properties;
  private final StartupGuard guard;

  IdentityBootstrap(IdentityProperties properties, StartupGuard guard) {
    this.properties = properties;
    this.guard = guard;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    StartupLock.exclusively(engine, "groups and users", () -> setUp(engine));
  }

  private void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    guard.checkAdminPasswordPolicy(identity);
    groups().forEach((id, name) -> ensureGroup(identity, id, name));
    grantAdministratorsEverything(engine.getAuthorizationService());
    ensureUser(identity, properties.adminUser(), "Administrator", "", "", properties.adminPassword(),
        List.of(Groups.ADMINS));
    if (guard.demoEnabled()) {
      for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
        demo.groups().forEach(group -> ensureGroup(identity, group, group));
        ensureUser(identity, demo.id(), demo.firstName(), demo.lastName(), demo.email(), DemoUsers.PASSWORD, demo.groups());
      }
    }
    guard.checkNoDefaultPasswords(identity,
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  /** Every group the service knows, id to display name. */
  Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(Groups.ADMINS, "Camunda administrators");
    groups.put(Groups.UDLAENDINGESTYRELSEN, "Udlændingestyrelsen");
    groups.put(Groups.CMM, "Center mod Menneskehandel");
    groups.put(Groups.HJEMREJSESTYRELSEN, "Hjemrejsestyrelsen");
    groups.put(Groups.DRC, "DRC Dansk Flygtningehjælp");
    groups.put(Groups.POLITI, "Politiet");
    groups.put(Groups.PROCESS_OWNERS, "Procesejere");
    groups.put(Groups.MANAGERS, "Ledelse");
    groups.put(Groups.MONITORING, "Drift og overvågning");
    properties.partnerCountries().forEach((code, country) ->
        groups.put(Groups.partnerGroup(code), "Reintegration partner " + country));
    properties.partnerRegions().forEach((region, name) ->
        groups.put(Groups.PARTNER_PREFIX + region.toLowerCase(java.util.Locale.ROOT), "Reintegration partner " + name));
    return groups;
  }

  /** Members of camunda-admin may do everything (as Camunda's own admin-user bootstrap grants). */
  private static void grantAdministratorsEverything(AuthorizationService authorizations) {
    for (Resources resource : Resources.values()) {
      boolean granted = authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMINS)
          .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
      if (!granted) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.ADMINS);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }

  private static void ensureGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Groups.ADMINS.equals(id) || Groups.MONITORING.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  private static void ensureUser(IdentityService identity, String id, String firstName, String lastName,
      String email, String password, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(password);
      identity.saveUser(user);
      LOG.info("Created user {}", id);
    }
    List<String> missing = new ArrayList<>(groups);
    identity.createGroupQuery().groupMember(id).list().forEach(g -> missing.remove(g.getId()));
    missing.forEach(group -> identity.createMembership(id, group));
  }

  /** True when the stored password of the user is {@code password}; no login attempt is recorded. */
  static boolean hasPassword(ProcessEngineConfigurationImpl configuration, User user, String password) {
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    return configuration.getPasswordManager()
        .check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
  }
}
