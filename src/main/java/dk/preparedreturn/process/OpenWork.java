package dk.preparedreturn.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Open work across all cases, for reminders, reports and the operations figures: tasks by due date,
 * tasks of a group, incidents and jobs. Read on the service's behalf (no caller's authorizations).
 */
@Component
public class OpenWork {

  /** An open task with a due date: which case, whose, when. */
  public record DueTask(String id, String name, String caseRef, List<String> candidateGroups, String assignee,
      Date due) {
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;

  OpenWork(@Lazy TaskService tasks, @Lazy RuntimeService runtime, @Lazy ManagementService management) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
  }

  /** Active tasks due after {@code from} and before {@code to}, soonest first, at most {@code max}. */
  public List<DueTask> dueBetween(Instant from, Instant to, int max) {
    return Privileged.call(() -> tasks.createTaskQuery().active().dueAfter(Date.from(from)).dueBefore(Date.from(to))
        .orderByDueDate().asc().listPage(0, max)).stream().map(this::dueTask).toList();
  }

  /** Active tasks due before {@code at}, most overdue first, at most {@code max}. */
  public List<DueTask> overdue(Instant at, int max) {
    return Privileged.call(() -> tasks.createTaskQuery().active().dueBefore(Date.from(at)).orderByDueDate().asc()
        .listPage(0, max)).stream().map(this::dueTask).toList();
  }

  public long countDueBetween(Instant from, Instant to) {
    return Privileged.call(() -> tasks.createTaskQuery().active().dueAfter(Date.from(from)).dueBefore(Date.from(to))
        .count());
  }

  public long countOverdue(Instant at) {
    return Privileged.call(() -> tasks.createTaskQuery().active().dueBefore(Date.from(at)).count());
  }

  /** Open tasks a group is a candidate of, assigned or not. */
  public long countOfGroup(String group) {
    return Privileged.call(() -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count());
  }

  public long openIncidents() {
    return Privileged.call(() -> runtime.createIncidentQuery().count());
  }

  /** Jobs that are due and wait for the job executor. */
  public long executableJobs() {
    return Privileged.call(() -> management.createJobQuery().executable().count());
  }

  /** Jobs without retries left. */
  public long failedJobs() {
    return Privileged.call(() -> management.createJobQuery().noRetriesLeft().count());
  }

  private DueTask dueTask(Task task) {
    return Privileged.call(() -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      return new DueTask(task.getId(), task.getName(), instance == null ? null : instance.getBusinessKey(), groups,
          task.getAssignee(), task.getDueDate());
    });
  }
}
