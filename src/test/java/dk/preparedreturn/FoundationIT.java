package dk.preparedreturn;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.process.ProcessesDeployment;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Start-up, schema, deployment, REST security and the webapps, on PostgreSQL as in production. */
class FoundationIT extends PostgresIntegrationTest {

  /** A spread of the engine REST API, including a path that does not exist. */
  static final List<String> REST_PATHS = List.of(
      "/engine-rest/version", "/engine-rest/engine", "/engine-rest/process-definition",
      "/engine-rest/process-definition/count", "/engine-rest/process-instance", "/engine-rest/task",
      "/engine-rest/task/count", "/engine-rest/deployment", "/engine-rest/decision-definition",
      "/engine-rest/history/process-instance", "/engine-rest/history/task", "/engine-rest/user",
      "/engine-rest/group", "/engine-rest/authorization", "/engine-rest/filter", "/engine-rest/job",
      "/engine-rest/incident", "/engine-rest/variable-instance", "/engine-rest/execution",
      "/engine-rest/metrics", "/engine-rest/identity/groups?userId=admin", "/engine-rest/no-such-resource");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void engineSchemaAndOwnTablesComeFromLiquibase() throws Exception {
    try (Connection db = TestDatabase.connect();
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT count(*) FROM databasechangelog WHERE author = 'Camunda'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("Camunda changesets applied").isGreaterThanOrEqualTo(18);
    }
    assertThat(engine.getProcessEngineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
  }

  @Test
  void modelsOfTheProcessesFolderAreDeployedUnderTheirRelativeNames() throws Exception {
    Path folder = Path.of("processes");
    List<String> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
          .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form")).sorted().toList();
    }
    var repository = engine.getRepositoryService();
    var deployment = repository.createDeploymentQuery().deploymentName(ProcessesDeployment.DEPLOYMENT_NAME)
        .singleResult();
    assertThat(repository.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).sorted())
        .containsExactlyElementsOf(files);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
  void everyRestEndpointRequiresAuthentication(String method) throws Exception {
    for (String path : REST_PATHS) {
      HttpResponse<String> response = send(method, path, null);
      assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
          h -> assertThat(h).startsWith("Basic"));
    }
  }

  @Test
  void wrongPasswordIsRejectedAndTheAdministratorIsAccepted() throws Exception {
    // a failed login throttles that user for a few seconds, so the wrong password is tried on another one
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("foundation-user").count() == 0) {
      var user = identity.newUser("foundation-user");
      user.setPassword("Correct-Horse-Battery-9");
      identity.saveUser(user);
    }
    assertThat(send("GET", "/engine-rest/version", basic("foundation-user", "wrong")).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/engine-rest/version", basic("nobody", "wrong")).statusCode()).isEqualTo(401);
    HttpResponse<String> ok = send("GET", "/engine-rest/version", basic(ADMIN, ADMIN_PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("7.24.0");
    assertThat(send("GET", "/engine-rest/process-definition/count", basic(ADMIN, ADMIN_PASSWORD)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void authorizationChecksAreOnAndUnboundedQueriesAreRefused() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    HttpResponse<String> tooMany = send("GET", "/engine-rest/task?maxResults=100000", basic(ADMIN, ADMIN_PASSWORD));
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
  }

  @Test
  void errorsCarryNoStackTrace() throws Exception {
    HttpResponse<String> response = send("GET", "/engine-rest/process-definition/no-such-id",
        basic(ADMIN, ADMIN_PASSWORD));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain(".java:");
    HttpResponse<String> springError = send("GET", "/no-such-page", null);
    assertThat(springError.body()).doesNotContain("\tat ").doesNotContain(".java:");
  }

  @Test
  void tasklistIsServedAndTheH2ConsoleIsNot() throws Exception {
    HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/default/", null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("Tasklist");
    assertThat(send("GET", "/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/h2-console", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/h2-console/", null).statusCode()).isEqualTo(404);
  }

  HttpResponse<String> send(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return TestUsers.basicAuth(user, password);
  }
}
