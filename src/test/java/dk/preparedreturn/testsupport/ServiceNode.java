package dk.preparedreturn.testsupport;

import dk.preparedreturn.PreparedReturnApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the service, started as in production (profile {@code postgres}, web server, job
 * executor on) on a database of its own test, in this JVM. Several nodes on one database form a
 * cluster. Each node's engine has its own name (= the node's name), so its engine REST API is
 * {@code /engine-rest/engine/<name>/...}; in production every node is a JVM of its own whose
 * engine is {@code default}.
 */
public final class ServiceNode implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /**
   * Starts a node. {@code overrides} are further properties; {@code sources} are extra bean
   * classes of the test (plain classes with {@code @Bean} methods, without a stereotype, so the
   * application's component scan never picks them up in other tests).
   */
  public static ServiceNode start(String name, String database, Map<String, Object> overrides, Class<?>... sources) {
    if (!name.matches("[a-zA-Z0-9]+")) {
      throw new IllegalArgumentException("Engine names are letters and digits (the starter ignores names with '-'): "
          + name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", TestDatabase.url(database));
    properties.put("spring.datasource.username", TestDatabase.USER);
    properties.put("spring.datasource.password", TestDatabase.PASSWORD);
    properties.put("server.port", "0");
    properties.put("ADMIN_USER", PostgresIntegrationTest.ADMIN);
    properties.put("ADMIN_PASSWORD", PostgresIntegrationTest.ADMIN_PASSWORD);
    properties.put("camunda.bpm.process-engine-name", name);
    properties.put("camunda.bpm.job-execution.enabled", "true");
    // the node's name in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_)
    properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    properties.put("spring.jmx.enabled", "false");
    // the coverage gate measures the process tests; these nodes run outside its test listener
    properties.put("spring.autoconfigure.exclude",
        "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration");
    properties.put("test.node", name);
    properties.putAll(overrides);
    List<Class<?>> all = new ArrayList<>();
    all.add(PreparedReturnApplication.class);
    all.addAll(List.of(sources));
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(all.toArray(Class<?>[]::new))
        .profiles("postgres")
        .run(args);
    ServiceNode node = new ServiceNode(name, context);
    // Engines register themselves in a static, unsynchronised map; two nodes of one JVM that start at
    // the same moment can lose an entry there (not an issue with one engine per JVM, as in production).
    if (ProcessEngines.getProcessEngines().get(name) != node.engine()) {
      ProcessEngines.registerProcessEngine(node.engine());
    }
    return node;
  }

  public String name() {
    return name;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  public ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
  }

  public JobExecutor jobExecutor() {
    return configuration().getJobExecutor();
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public boolean isRunning() {
    return context.isActive();
  }

  /** Sends a request as the administrator; {@code path} below the node's root, e.g. {@code /api/...}. */
  public HttpResponse<String> send(String method, String path, String json) throws Exception {
    return sendAsync(method, path, json, PostgresIntegrationTest.ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD).get();
  }

  public CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json, String user,
      String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", TestUsers.basicAuth(user, password));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The node's engine REST API: {@code /engine-rest/engine/<name>} followed by {@code path}. */
  public String engineRest(String path) {
    return "/engine-rest/engine/" + name + path;
  }

  @Override
  public void close() {
    if (context.isActive()) {
      context.close();
    }
  }
}
