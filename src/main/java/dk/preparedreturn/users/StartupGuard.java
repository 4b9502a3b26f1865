package dk.preparedreturn.users;

import dk.preparedreturn.identity.ProductionCheck;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo users, demo cases, default passwords and placeholder values exist on the embedded default
 * (H2) only. Against any other database the service refuses to start when demo data is switched
 * on; when the administrator password is missing, a known default, a placeholder ({@code change-me...},
 * as in {@code docker/.env.example}) or weaker than the password policy; when the database password
 * is such a placeholder; when a feature's {@link ProductionCheck} fails (e.g. the sender or a group
 * mailbox is an example address: notifications would go nowhere); or when any
 * stored user has a demo account id or the password {@code demo}.
 *
 * <p>The configuration is checked as soon as this bean exists, before the database is touched (the
 * data source depends on it); the users once the engine is up.
 */
@Component
public class StartupGuard implements InitializingBean {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda", "changeme");
  static final int MIN_PASSWORD_LENGTH = 10;

  private final boolean embeddedDefault;
  private final boolean demoEnabled;
  private final IdentityProperties identity;
  private final String databasePassword;
  private final List<ProductionCheck> checks;

  StartupGuard(@Value("${spring.datasource.url:}") String datasourceUrl,
      @Value("${app.demo.enabled:false}") boolean demoEnabled, IdentityProperties identity,
      @Value("${spring.datasource.password:}") String databasePassword, List<ProductionCheck> checks) {
    this.embeddedDefault = datasourceUrl.isBlank() || datasourceUrl.startsWith("jdbc:h2:");
    this.demoEnabled = demoEnabled;
    this.identity = identity;
    this.databasePassword = databasePassword;
    this.checks = checks;
  }

  @Override
  public void afterPropertiesSet() {
    checkConfiguration();
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
    if (isPlaceholder(password)) {
      throw refuse("ADMIN_PASSWORD is the placeholder of docker/.env.example (it starts with \"change-me\");"
          + " set a password of your own");
    }
    if (DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || password.length() < MIN_PASSWORD_LENGTH) {
      throw refuse("ADMIN_PASSWORD is a default password or shorter than " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (isPlaceholder(databasePassword)) {
      throw refuse("DB_PASSWORD is the placeholder of docker/.env.example (it starts with \"change-me\");"
          + " set the database password of your own");
    }
    checks.forEach(ProductionCheck::check);
  }

  static boolean isPlaceholder(String value) {
    return ProductionCheck.isPlaceholder(value);
  }

  static boolean isExampleAddress(String address) {
    return ProductionCheck.isExampleAddress(address);
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

  static IllegalStateException refuse(String reason) {
    return ProductionCheck.refuse(reason);
  }
}
