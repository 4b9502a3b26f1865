package dk.preparedreturn.process;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * "jobExecutor" in /actuator/health and the readiness group, on every node (it replaces the
 * starter's indicator of the same name, which exists only where job execution is on, so that the
 * readiness group can be validated at start-up): on a node that runs jobs
 * ({@code JOB_EXECUTION_ENABLED=true}) UP while the job executor runs and DOWN when it stopped (the
 * node's timers and asynchronous steps would wait); on a web-only node UP with
 * {@code enabled=false}.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

  private final CamundaBpmProperties properties;
  private final ObjectProvider<ProcessEngineConfigurationImpl> configuration;

  JobExecutorHealth(CamundaBpmProperties properties, ObjectProvider<ProcessEngineConfigurationImpl> configuration) {
    super("Job executor health check failed");
    this.properties = properties;
    this.configuration = configuration;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean enabled = properties.getJobExecution().isEnabled();
    builder.withDetail("enabled", enabled);
    if (!enabled) {
      builder.up();
      return;
    }
    ProcessEngineConfigurationImpl engine = configuration.getIfAvailable();
    JobExecutor executor = engine == null ? null : engine.getJobExecutor();
    if (executor != null && executor.isActive()) {
      builder.up().withDetail("lockOwner", executor.getLockOwner());
    } else {
      builder.down();
    }
  }
}
