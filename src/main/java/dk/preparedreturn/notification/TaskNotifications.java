package dk.preparedreturn.notification;

import dk.preparedreturn.process.BuiltInListeners;
import dk.preparedreturn.process.BuiltInListeners.TaskListenerOfEveryTask;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.TaskFacts;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built into every user task ({@link BuiltInListeners}): a new task is announced to the
 * mailboxes of its candidate groups, an assignment to the assignee (unless they claimed it
 * themselves).
 */
@Component
@Order(BuiltInListeners.Order.NOTIFICATIONS)
class TaskNotifications implements TaskListenerOfEveryTask {

  private final Notifier notifier;

  TaskNotifications(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public Set<String> events() {
    return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }

  @Override
  public void notify(DelegateTask task) {
    String caseRef = CaseScope.caseRef(task);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      List<String> groups = TaskFacts.candidateGroups(task);
      if (task.getAssignee() != null) {
        notifier.task(NotificationKind.TASK_ASSIGNED, "TASK_ASSIGNED:" + task.getId() + ":" + task.getAssignee(),
            caseRef, task.getId(), task.getName(), task.getDueDate(), groups, task.getAssignee());
      } else if (!groups.isEmpty()) {
        notifier.task(NotificationKind.TASK_CREATED, "TASK_CREATED:" + task.getId(), caseRef, task.getId(),
            task.getName(), task.getDueDate(), groups, null);
      }
    } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
        && !task.getAssignee().equals(TaskFacts.actingUser())) {
      notifier.task(NotificationKind.TASK_ASSIGNED, "TASK_ASSIGNED:" + task.getId() + ":" + task.getAssignee(),
          caseRef, task.getId(), task.getName(), task.getDueDate(), List.of(), task.getAssignee());
    }
  }
}
