package dk.preparedreturn.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The models of the benchmarks that do not run the real journey. They are deployed by the
 * benchmarks into their own databases, never into {@code processes/}.
 */
final class BenchModels {

  /**
   * The micro-journey of the performance anchors (the bare engine's figures): start with three
   * variables, a user task for a group, complete it with one more variable, a timer due at once, an
   * asynchronous service task, end.
   */
  static final String MICRO = "BenchmarkMicroJourney";
  /** A timer due at {@code ${due}}, then a service task with a side effect, then the end. */
  static final String TIMER = "BenchmarkTimer";
  /** An open user task of a case for a group, with a due date (the task list benchmark). */
  static final String OPEN_TASK = "BenchmarkOpenTask";
  static final String OPEN_TASK_ACTIVITY = "Task_BenchmarkWork";
  /** The micro-journey's task form: its one field, as the caseworker submits it. */
  static final String MICRO_FORM = "BenchmarkWork";
  static final String MICRO_FORM_JSON = """
      {"id": "BenchmarkWork", "type": "default", "schemaVersion": 16, "components": [
        {"id": "Field_Approved", "key": "approved", "type": "checkbox", "label": "Approved"}]}""";

  private BenchModels() {
  }

  static BpmnModelInstance micro() {
    return Bpmn.createExecutableProcess(MICRO).name("Benchmark micro-journey").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Started")
        .userTask("Task_Work").name("Work").camundaCandidateGroups("${group}")
        .camundaFormRef(MICRO_FORM).camundaFormRefBinding("latest")
        .intermediateCatchEvent("TimerEvent_Now").timerWithDuration("PT0S")
        .serviceTask("ServiceTask_Notify").camundaAsyncBefore().camundaDelegateExpression("${benchNoop}")
        .endEvent("EndEvent_Done")
        .done();
  }

  static BpmnModelInstance timer() {
    return Bpmn.createExecutableProcess(TIMER).name("Benchmark timer").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Started")
        .intermediateCatchEvent("TimerEvent_Due").timerWithDate("${due}")
        .serviceTask("ServiceTask_SideEffect").camundaDelegateExpression("${benchSideEffect}")
        .endEvent("EndEvent_Done")
        .done();
  }

  static BpmnModelInstance openTask() {
    return Bpmn.createExecutableProcess(OPEN_TASK).name("Benchmark open task").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Started")
        .userTask(OPEN_TASK_ACTIVITY).name("Behandl sag").camundaCandidateGroups("${group}")
        .camundaDueDate("${dueDate}")
        .endEvent("EndEvent_Done")
        .done();
  }

  /** The micro-journey with its form. */
  static void deployMicro(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name(MICRO).enableDuplicateFiltering(true)
        .addModelInstance(MICRO + ".bpmn", micro())
        .addString(MICRO_FORM + ".form", MICRO_FORM_JSON).deploy();
  }

  static void deploy(ProcessEngine engine, String name, BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment().name(name).enableDuplicateFiltering(true)
        .addModelInstance(name + ".bpmn", model).deploy();
  }
}
