package dk.preparedreturn.testsupport;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application as in production (profile {@code postgres},
 * no demo data, authorization on, metrics as in production) on the test PostgreSQL database, with
 * a web server on a random port. Subclasses without extra configuration share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=admin",
    "ADMIN_PASSWORD=Integration-Test-Secret-7",
    "camunda.bpm.job-execution.enabled=false"
})
@ActiveProfiles("postgres")
@AutoConfigureObservability
public abstract class PostgresIntegrationTest {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "Integration-Test-Secret-7";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }
}
