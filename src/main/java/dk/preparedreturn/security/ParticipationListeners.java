package dk.preparedreturn.security;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Built into every model: a new task makes its candidate groups take part in the case; a new
 * process instance of a case is readable by everyone who takes part. Built in rather than drawn,
 * so no model can forget need-to-know.
 */
@Component
class ParticipationListeners extends AbstractProcessEnginePlugin {

  private final CaseParticipation participation;

  ParticipationListeners(CaseParticipation participation) {
    this.participation = participation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    TaskListener taskCreated = this::taskCreated;
    ExecutionListener instanceStarted = this::instanceStarted;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, instanceStarted);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  private void taskCreated(DelegateTask task) {
    String caseRef = CASE_REF.get(task);
    if (caseRef == null) {
      return;
    }
    List<String> hierarchy = new ArrayList<>();
    ExecutionEntity instance = ((ExecutionEntity) task.getExecution()).getProcessInstance();
    while (instance != null) {
      hierarchy.add(instance.getId());
      instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance();
    }
    task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .forEach(link -> participation.join(caseRef, link.getGroupId(), hierarchy));
  }

  private void instanceStarted(DelegateExecution execution) {
    String caseRef = CASE_REF.get(execution);
    if (caseRef != null && execution.getProcessInstanceId().equals(execution.getId())) {
      participation.instanceStarted(caseRef, execution.getProcessInstanceId());
    }
  }
}
