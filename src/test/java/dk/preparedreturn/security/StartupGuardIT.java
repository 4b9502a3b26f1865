package dk.preparedreturn.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.PreparedReturnApplication;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the embedded default the service refuses to start with demo data, without a strong
 * administrator password, with the placeholders of docker/.env.example (passwords, example.org
 * mailboxes), or with a user whose password is a default one. Each case starts a second
 * application on the test database and expects it to stop during start-up.
 */
class StartupGuardIT extends PostgresIntegrationTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void refusesDemoData() {
    assertThatThrownBy(() -> start(Map.of("app.demo.enabled", "true")))
        .hasStackTraceContaining("Refusing to start outside the embedded default: app.demo.enabled");
  }

  @Test
  void refusesAMissingAdministratorPassword() {
    assertThatThrownBy(() -> start(Map.of("ADMIN_PASSWORD", "")))
        .hasStackTraceContaining("ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesADefaultAdministratorPassword() {
    assertThatThrownBy(() -> start(Map.of("ADMIN_PASSWORD", "demo")))
        .hasStackTraceContaining("ADMIN_PASSWORD is a default password");
  }

  @Test
  void refusesThePlaceholderPasswordsOfTheDockerEnvFile() {
    // docker/.env.example's value: long and mixed enough for the password policy, but public
    assertThatThrownBy(() -> start(Map.of("ADMIN_PASSWORD", "change-me-to-a-long-Passphrase-1")))
        .hasStackTraceContaining("ADMIN_PASSWORD is the placeholder of docker/.env.example");
    assertThatThrownBy(() -> start(Map.of("ADMIN_PASSWORD", "Change_Me-Later-2026!")))
        .hasStackTraceContaining("ADMIN_PASSWORD is the placeholder");
    // refused before the database is touched: this URL leads nowhere
    assertThatThrownBy(() -> start(Map.of("spring.datasource.password", "change-me-database-password",
        "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere")))
        .hasStackTraceContaining("DB_PASSWORD is the placeholder of docker/.env.example")
        .hasStackTraceContaining("Refusing to start outside the embedded default");
  }

  @Test
  void refusesExampleMailAddresses() {
    assertThatThrownBy(() -> start(Map.of("MAILBOX_PARTNER_UG", "partner-ug@example.org")))
        .hasStackTraceContaining("MAILBOX_PARTNER_UG is partner-ug@example.org, an example address");
    assertThatThrownBy(() -> start(Map.of("MAILBOX_CMM", "cmm@mail.Example.COM")))
        .hasStackTraceContaining("MAILBOX_CMM is cmm@mail.Example.COM, an example address");
    assertThatThrownBy(() -> start(Map.of("MAIL_FROM", "forberedt-hjemsendelse@example.org")))
        .hasStackTraceContaining("MAIL_FROM is forberedt-hjemsendelse@example.org, an example address");
  }

  @Test
  void refusesAnAdministratorPasswordAgainstThePolicy() {
    assertThatThrownBy(() -> start(Map.of("ADMIN_PASSWORD", "alllowercaseletters")))
        .hasStackTraceContaining("ADMIN_PASSWORD does not fulfil the password policy");
  }

  @Test
  void refusesAUserWithTheDemoPassword() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var identity = engine.getIdentityService();
    configuration.setEnablePasswordPolicy(false);
    try {
      var user = identity.newUser("legacyuser");
      user.setPassword("demo");
      identity.saveUser(user);
    } finally {
      configuration.setEnablePasswordPolicy(true);
    }
    try {
      assertThatThrownBy(() -> start(Map.of()))
          .hasStackTraceContaining("user legacyuser has a default password");
    } finally {
      identity.deleteUser("legacyuser");
    }
  }

  @Test
  void refusesADemoAccount() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var identity = engine.getIdentityService();
    var user = identity.newUser("cmm-karen");
    user.setPassword("Some-Strong-Secret-42");
    identity.saveUser(user);
    try {
      assertThatThrownBy(() -> start(Map.of()))
          .hasStackTraceContaining("the demo user cmm-karen exists");
    } finally {
      identity.deleteUser("cmm-karen");
    }
  }

  private static void start(Map<String, Object> overrides) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", TestDatabase.ensure());
    properties.put("spring.datasource.username", TestDatabase.USER);
    properties.put("spring.datasource.password", TestDatabase.PASSWORD);
    properties.put("server.port", "0");
    properties.put("ADMIN_USER", ADMIN);
    properties.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
    properties.put("spring.jmx.enabled", "false");
    properties.putAll(overrides);
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    new SpringApplicationBuilder(PreparedReturnApplication.class)
        .profiles("postgres")
        .run(args)
        .close();
  }
}
