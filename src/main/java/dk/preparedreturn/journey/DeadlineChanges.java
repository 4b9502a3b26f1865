package dk.preparedreturn.journey;

import dk.preparedreturn.process.Variable;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.Privileged;
import dk.preparedreturn.casefile.CaseFileRepository;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Moves a date that drives deadlines (departure deadline, planned departure) and makes everything
 * that depends on it follow: the case record, the variable in every running process instance of
 * the case (called processes hold their own copy), the due date of every timer (re-evaluated from
 * its expression) and of every open task (re-evaluated from the task's due-date expression).
 */
@Service
public class DeadlineChanges {

  private final CaseFileRepository cases;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl engine;

  public DeadlineChanges(CaseFileRepository cases, @Lazy RuntimeService runtime, @Lazy ManagementService management,
      @Lazy TaskService tasks, @Lazy ProcessEngineConfigurationImpl engine) {
    this.cases = cases;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.engine = engine;
  }

  public void moveDepartureDeadline(String caseRef, LocalDate deadline) {
    cases.setDepartureDeadline(caseRef, deadline);
    Privileged.run(() -> move(caseRef, CaseVariables.DEPARTURE_DEADLINE, deadline.toString()));
  }

  public void setMaxDeadline(String caseRef, LocalDate maxDeadline) {
    cases.setMaxDeadline(caseRef, maxDeadline);
    Privileged.run(() -> setEverywhere(caseRef, CaseVariables.MAX_DEADLINE, maxDeadline.toString()));
  }

  public void movePlannedDeparture(String caseRef, LocalDate date) {
    cases.setPlannedDeparture(caseRef, date);
    Privileged.run(() -> move(caseRef, CaseVariables.PLANNED_DEPARTURE_DATE, date.toString()));
  }

  private void move(String caseRef, Variable<String> variable, String value) {
    List<ProcessInstance> instances = setEverywhere(caseRef, variable, value);
    for (ProcessInstance instance : instances) {
      for (Job timer : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        management.recalculateJobDuedate(timer.getId(), false);
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        recalculateDueDate(task.getId());
      }
    }
  }

  private List<ProcessInstance> setEverywhere(String caseRef, Variable<String> variable, String value) {
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .active().list();
    for (ProcessInstance instance : instances) {
      if (runtime.getVariable(instance.getId(), variable.name()) != null) {
        runtime.setVariable(instance.getId(), variable.name(), value);
      }
    }
    return instances;
  }

  private void recalculateDueDate(String taskId) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      Expression dueDate = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getDueDateExpression();
      if (dueDate != null) {
        Object value = dueDate.getValue(task.getExecution());
        if (value instanceof Date date) {
          task.setDueDate(date);
        }
      }
      return null;
    });
  }
}
