package dk.preparedreturn.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo users, demo cases and default passwords exist on the embedded default (H2) only. Against
 * any other database the service refuses to start when demo data is switched on, when the
 * administrator password is missing, a known default or weaker than the password policy, or when
 * any stored user has a demo account id or the password {@code demo}.
 */
@Component
public class StartupGuard {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda", "changeme");
  static final int MIN_PASSWORD_LENGTH = 10;

  private final boolean embeddedDefault;
  private final boolean demoEnabled;
  private final IdentityProperties identity;

  StartupGuard(@Value("${spring.datasource.url:}") String datasourceUrl,
      @Value("${app.demo.enabled:false}") boolean demoEnabled, IdentityProperties identity) {
    this.embeddedDefault = datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
    this.demoEnabled = demoEnabled;
    this.identity = identity;
  }

  public boolean embeddedDefault() {
    return embeddedDefault;
  }

  public boolean demoEnabled() {
    return demoEnabled && embeddedDefault;
  }

  void checkConfiguration() {
    if (embeddedDefault) {
      return;
    }
    if (demoEnabled) {
      throw refuse("app.demo.enabled (APP_DEMO_ENABLED) is true; demo users and demo cases exist only on the"
          + " embedded default (H2)");
    }
    String password = identity.adminPassword();
    if (identity.adminUser() == null || identity.adminUser().isBlank()) {
      throw refuse("ADMIN_USER is empty");
    }
    if (password == null || password.isBlank()) {
      throw refuse("ADMIN_PASSWORD is not set");
    }
    if (DEFAULT_PASSWORDS.contains(password.toLowerCase()) || password.length() < MIN_PASSWORD_LENGTH) {
      throw refuse("ADMIN_PASSWORD is a default password or shorter than " + MIN_PASSWORD_LENGTH + " characters");
    }
  }

  /** The administrator's password must fulfil the engine's password policy (on outside the embedded default). */
  void checkAdminPasswordPolicy(IdentityService identityService) {
    if (embeddedDefault) {
      return;
    }
    User admin = identityService.newUser(identity.adminUser());
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(identity.adminPassword(), admin);
    if (!result.isValid()) {
      throw refuse("ADMIN_PASSWORD does not fulfil the password policy: " + result.getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder() + rule.getParameters()).collect(Collectors.joining(", ")));
    }
  }

  void checkNoDefaultPasswords(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    if (embeddedDefault) {
      return;
    }
    List<String> demoIds = DemoUsers.ids();
    for (User user : identityService.createUserQuery().list()) {
      if (demoIds.contains(user.getId())) {
        throw refuse("the demo user " + user.getId() + " exists in this database; delete it in Camunda Admin");
      }
      for (String password : DEFAULT_PASSWORDS) {
        if (IdentityBootstrap.hasPassword(configuration, user, password)) {
          throw refuse("user " + user.getId() + " has a default password; change it in Camunda Admin");
        }
      }
    }
  }

  private static IllegalStateException refuse(String reason) {
    return new IllegalStateException("Refusing to start outside the embedded default: " + reason);
  }
}
