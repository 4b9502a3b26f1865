package dk.preparedreturn.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.testsupport.ProcessTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The line behind the deployment rules ({@link ModelRules}, which refuse such expressions before a
 * model is deployed): an expression in a model reaches only what {@link ModelExpressions} allows.
 * Each expression below is evaluated as the engine evaluates a model's expression. That every real
 * model in processes/ still works is proven by the whole process-test suite.
 */
@ProcessTest
class ModelExpressionsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ApplicationContext context;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void aModelCannotCallTheRepositoryOfPersonalDataOrAnyOtherBeanThatIsNotAModelBean() {
    assertThat(context.containsBean("caseRecords")).as("the bean exists in the application").isTrue();
    assertThat(context.containsBean("jdbcClient")).isTrue();
    for (String expression : List.of("${caseRecords.find('FH-2026-00001')}", "${caseRecords}", "${cases}",
        "${jdbcClient}", "${referralService}", "${javaMailSender}", "${processEngine}", "${dataSource}")) {
      assertThatThrownBy(() -> evaluate(expression)).as(expression)
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Cannot resolve identifier");
    }
  }

  @Test
  void aModelCannotReachTheEngineOrJavaThroughTheObjectsItMayUse() {
    for (String expression : List.of(
        "${execution.processEngine}",
        "${execution.getProcessEngineServices().getRuntimeService()}",
        "${execution.processEngineServices}",
        "${execution.bpmnModelInstance}",
        "${execution.getProcessEngine().getProcessEngineConfiguration().getDataSource()}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${'x'.class}",
        "${deadlines.getClass()}",
        "${deadlines.zone().getClass()}",
        "${notify.getClass().getClassLoader()}")) {
      assertThatThrownBy(() -> evaluate(expression)).as(expression)
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Process models may not use");
    }
  }

  @Test
  void whatTheModelsUseStillWorks() {
    assertThat(evaluate("${deadlines.plusDays('2026-03-01', 30)}")).isEqualTo("2026-03-31");
    assertThat(evaluate("${deadlines.dueOn(deadlines.plusMonths('2026-01-31', 1))}")).isInstanceOf(Date.class);
    assertThat(evaluate("${execution.processBusinessKey}")).isEqualTo("PROBE-1");
    assertThat(evaluate("${execution.getVariable('departureDeadline')}")).isEqualTo("2026-04-30");
    assertThat(evaluate("${departureDeadline.substring(0, 4)}")).isEqualTo("2026");
    assertThat(evaluate("${dateTime().plusDays(7).toDate()}")).isInstanceOf(Date.class);
    assertThat(evaluate("${notify != null}")).isEqualTo(true);
    assertThat(evaluate("${supportMonth + 1}")).isEqualTo(4L);
  }

  /**
   * Evaluates the expression as a model's expression is evaluated, against a running instance of a
   * probe process (a model that keeps the deployment rules: the sandbox is the line behind them).
   */
  Object evaluate(String expression) {
    String key = "ModelExpressionProbe";
    if (deployments.isEmpty()) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(365)
          .startEvent().receiveTask("Task_Wait").endEvent().done();
      deployments.add(engine.getRepositoryService().createDeployment().name("model-expression-probe")
          .addModelInstance(key + ".bpmn", model).deploy().getId());
    }
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key, "PROBE-1",
        Map.of("departureDeadline", "2026-04-30", "supportMonth", 3));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
        .createExpression(expression).getValue(context.getExecutionManager().findExecutionById(instance.getId())));
  }
}
