package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Every deployment a user makes, on any path (Camunda Modeler and the REST API, Cockpit's redeploy,
 * Tasklist's or Cockpit's own API, the Java API with a user's authentication), is checked against
 * the {@link ModelRules} before the engine deploys anything; a deployment that breaks a rule is
 * refused as a whole ({@link ModelsRefused}: 400 naming every problem). The service's own models are
 * checked by {@link ProcessesDeployment} with the same rules; code of the service itself (tests,
 * benchmarks) deploys without a user and is trusted like the rest of the code.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin implements Deployer {

  private final ModelRulesFactory rules;

  DeploymentCheck(ModelRulesFactory rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(this);
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    if (!deployment.isNew() || context == null || context.getAuthentication() == null) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      resources.put(resource.getKey(), resource.getValue().getBytes());
    }
    List<ModelRules.Problem> problems = rules.create(
        key -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null).check(resources);
    if (!problems.isEmpty()) {
      throw new ModelsRefused(problems);
    }
  }
}
