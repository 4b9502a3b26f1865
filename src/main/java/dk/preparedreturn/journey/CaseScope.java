package dk.preparedreturn.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Called processes work on a copy of the case's variables, which flows back to the main process
 * only when they end. A value the main process needs at once (the contact person for reminders,
 * say) is also set on the main process instance with this.
 */
public final class CaseScope {

  private CaseScope() {
  }

  public static <T> void setEverywhere(DelegateTask task, Variable<T> variable, T value) {
    variable.set(task, value);
    setOnRoot(task.getExecution(), variable, value);
  }

  public static <T> void setOnRoot(DelegateExecution execution, Variable<T> variable, T value) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    instance.setVariable(variable.name(), value);
  }
}
