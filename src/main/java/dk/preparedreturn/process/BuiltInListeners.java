package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The listeners the service builds into every user task and every process of every model, so that no
 * model can forget them, installed here in one stated order (before the model's own listeners):
 *
 * <ol>
 *   <li>{@value #PARTICIPATION} participation (case module): a new task's groups take part in its case,
 *       only the case's partner may be a candidate, an assignee must belong to a candidate group, and
 *       a new process instance of a case is readable by every organisation that takes part;</li>
 *   <li>{@value #FORM_VALIDATION} form validation (forms): a completion holds exactly the fields of the
 *       task's form and keeps its rules;</li>
 *   <li>{@value #NOTIFICATIONS} notifications: a new or assigned task is announced by mail.</li>
 * </ol>
 *
 * Features contribute a {@link TaskListenerOfEveryTask} or {@link StartListenerOfEveryProcess} bean
 * with one of these orders.
 */
@Component
public class BuiltInListeners extends AbstractProcessEnginePlugin {

  static final int PARTICIPATION = 100;
  static final int FORM_VALIDATION = 200;
  static final int NOTIFICATIONS = 300;

  private final ObjectProvider<TaskListenerOfEveryTask> taskListeners;
  private final ObjectProvider<StartListenerOfEveryProcess> startListeners;
  private volatile List<TaskListenerOfEveryTask> orderedTaskListeners;
  private volatile List<StartListenerOfEveryProcess> orderedStartListeners;

  BuiltInListeners(ObjectProvider<TaskListenerOfEveryTask> taskListeners,
      ObjectProvider<StartListenerOfEveryProcess> startListeners) {
    this.taskListeners = taskListeners;
    this.startListeners = startListeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    ExecutionListener processStarted = this::processStarted;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processStarted);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
              TaskListener.EVENTNAME_COMPLETE)) {
            behavior.getTaskDefinition().addBuiltInTaskListener(event, task -> taskEvent(event, task));
          }
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  private void taskEvent(String event, DelegateTask task) {
    for (TaskListenerOfEveryTask listener : taskListeners()) {
      if (listener.events().contains(event)) {
        listener.notify(task);
      }
    }
  }

  private void processStarted(DelegateExecution execution) {
    if (!execution.getProcessInstanceId().equals(execution.getId())) {
      return;
    }
    for (StartListenerOfEveryProcess listener : startListeners()) {
      listener.started(execution);
    }
  }

  private List<TaskListenerOfEveryTask> taskListeners() {
    List<TaskListenerOfEveryTask> known = orderedTaskListeners;
    if (known == null) {
      known = taskListeners.orderedStream().toList();
      orderedTaskListeners = known;
    }
    return known;
  }

  private List<StartListenerOfEveryProcess> startListeners() {
    List<StartListenerOfEveryProcess> known = orderedStartListeners;
    if (known == null) {
      known = startListeners.orderedStream().toList();
      orderedStartListeners = known;
    }
    return known;
  }

  /** A listener of every user task of every model (ordered with {@code @Order}, see above). */
  public interface TaskListenerOfEveryTask {

    /** The task events it listens to ({@code create}, {@code assignment}, {@code complete}). */
    Set<String> events();

    void notify(DelegateTask task);
  }

  /** A listener of the start of every process instance of every model. */
  public interface StartListenerOfEveryProcess {

    void started(DelegateExecution processInstance);
  }

  /** The stated order, for {@code @Order} on the contributions. */
  public static final class Order {
    public static final int PARTICIPATION = BuiltInListeners.PARTICIPATION;
    public static final int FORM_VALIDATION = BuiltInListeners.FORM_VALIDATION;
    public static final int NOTIFICATIONS = BuiltInListeners.NOTIFICATIONS;

    private Order() {
    }
  }
}
