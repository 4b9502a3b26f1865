package dk.preparedreturn.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Which case a step belongs to, and values that must be seen by the whole case at once.
 *
 * <p>The case of an execution or task is the business key of its process instance: the case's main
 * process, which only the service starts ({@link CallerPolicy}), has the case reference as its
 * business key, and every called process gets it unchanged (the deployment rules allow a call
 * activity nothing but {@code #{execution.processBusinessKey}}, {@link ModelRules}). No client can
 * change a business key (no such command is open to users) and no expression in a model can
 * ({@code setProcessBusinessKey} is refused at deployment and not reachable at run time). So no
 * variable, client or model can change which case a step belongs to; a {@code caseRef} variable is
 * only a copy for forms and models to show.
 *
 * <p>Called processes work on a copy of the case's variables, which flows back to the main process
 * only when they end. A value the main process needs at once (the contact person for reminders,
 * say) is also set on the main process instance with {@link #setOnRoot}.
 */
public final class CaseScope {

  private CaseScope() {
  }

  /** The case reference of the step, or null when it belongs to no case (read from memory, no query). */
  public static String caseRef(DelegateExecution execution) {
    return execution == null ? null : execution.getProcessBusinessKey();
  }

  public static String caseRef(DelegateTask task) {
    return caseRef(task.getExecution());
  }

  /** The case reference; fails when the step belongs to no case. */
  public static String requireCaseRef(DelegateExecution execution) {
    String caseRef = caseRef(execution);
    if (caseRef == null) {
      throw new IllegalStateException("The process instance belongs to no case (no business key on its root)");
    }
    return caseRef;
  }

  public static String requireCaseRef(DelegateTask task) {
    return requireCaseRef(task.getExecution());
  }

  /** The ids of the process instances from the step's own up to the case's main process. */
  public static java.util.List<String> hierarchy(DelegateExecution execution) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance(); instance != null;
        instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      ids.add(instance.getId());
    }
    return ids;
  }

  public static <T> void setEverywhere(DelegateTask task, Variable<T> variable, T value) {
    variable.set(task, value);
    setOnRoot(task.getExecution(), variable, value);
  }

  public static <T> void setOnRoot(DelegateExecution execution, Variable<T> variable, T value) {
    root(execution).setVariable(variable.name(), value);
  }

  private static ExecutionEntity root(DelegateExecution execution) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }
}
