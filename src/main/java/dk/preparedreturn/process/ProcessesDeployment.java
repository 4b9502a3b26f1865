package dk.preparedreturn.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' models (every .bpmn, .dmn and .form file of the top-level
 * {@code processes/} folder, packaged as {@code classpath:processes/}) under their path relative
 * to that folder, e.g. {@code phases/Reintegration.bpmn}. The name is the same from the IDE,
 * {@code spring-boot:run}, the tests and the packaged jar, wherever it is started from.
 *
 * <p>The models are checked against the {@link ModelRules} first, like every deployment a user
 * makes ({@link DeploymentCheck}); a model that breaks a rule stops the start.
 *
 * <p>Replaces the starter's auto-deployment, whose resource names are absolute file paths or bare
 * file names depending on how the application runs. Duplicate filtering is on with
 * "deploy changed only": a restart without changes creates no new deployment and no new version;
 * a changed file gets a new version of that file only (models refer to each other with binding
 * "latest", so a partial deployment from Camunda Modeler works the same way). Concurrent deployments from several nodes
 * are serialised by the engine's deployment lock.
 */
@Component
public class ProcessesDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "prepared-return";
  static final String LOCATION = "processes/";
  static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private static final Logger LOG = LoggerFactory.getLogger(ProcessesDeployment.class);

  private final ResourcePatternResolver resolver;
  private final ModelRulesFactory rules;
  private final InstanceMigration migration;

  @org.springframework.beans.factory.annotation.Autowired
  public ProcessesDeployment(ModelRulesFactory rules, InstanceMigration migration) {
    this(new PathMatchingResourcePatternResolver(ProcessesDeployment.class.getClassLoader()), rules, migration);
  }

  ProcessesDeployment(ResourcePatternResolver resolver, ModelRulesFactory rules, InstanceMigration migration) {
    this.resolver = resolver;
    this.rules = rules;
    this.migration = migration;
  }

  /** Deploys the models, then moves the running cases onto them ({@link InstanceMigration}). */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine.getRepositoryService());
    if (migration != null) {
      migration.migrateRunning(processEngine);
    }
  }

  /** Deploys what changed; returns the id of the new deployment or, when nothing changed, of the latest one. */
  public String deploy(RepositoryService repositoryService) {
    Map<String, Resource> models = findModels();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    Map<String, byte[]> contents = new TreeMap<>();
    models.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        contents.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model " + name, e);
      }
    });
    if (rules != null) {
      List<ModelRules.Problem> problems = rules.create(key -> false).check(contents);
      if (!problems.isEmpty()) {
        throw new ModelsRefused(problems);
      }
    }
    contents.forEach((name, content) -> builder.addString(name, new String(content, StandardCharsets.UTF_8)));
    long before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    long after = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
    LOG.info("Models from {}: {} files; {} {}", LOCATION, models.size(),
        after > before ? "new deployment" : "unchanged, latest deployment", deployment.getId());
    return deployment.getId();
  }

  /** The models on the classpath under processes/, keyed by their path relative to that folder. */
  public Map<String, Resource> findModels() {
    try {
      Map<String, Resource> models = new TreeMap<>();
      for (Resource root : resolver.getResources("classpath*:" + LOCATION)) {
        String rootUrl = root.getURL().toString();
        if (!rootUrl.endsWith("/")) {
          rootUrl = rootUrl + "/";
        }
        for (String suffix : SUFFIXES) {
          for (Resource model : resolver.getResources(rootUrl + "**/*" + suffix)) {
            String url = model.getURL().toString();
            String name = URLDecoder.decode(url.substring(rootUrl.length()), StandardCharsets.UTF_8);
            Resource previous = models.put(name, model);
            if (previous != null && !previous.getURL().equals(model.getURL())) {
              throw new IllegalStateException("Model " + name + " found twice: " + previous + " and " + model);
            }
          }
        }
      }
      if (models.isEmpty()) {
        throw new IllegalStateException("No .bpmn/.dmn/.form files found under classpath:" + LOCATION
            + " - the build copies the top-level processes/ folder there (see pom.xml <resources>)");
      }
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list models under classpath:" + LOCATION, e);
    }
  }
}
