package dk.preparedreturn.notification;

import static dk.preparedreturn.process.CaseVariables.CASE_REF;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a task's due date and escalations after it, found by scanning open tasks. The
 * notification key contains the task and its due date, so each is sent once per due date (a moved
 * deadline gets a new reminder) however many nodes scan.
 */
@Component
public class TaskReminders {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReminders.class);
  static final int PAGE = 500;

  private final TaskService tasks;
  private final Clock clock;
  private final RuntimeService runtime;
  private final Notifier notifier;
  private final NotificationProperties properties;

  TaskReminders(@Lazy TaskService tasks, @Lazy RuntimeService runtime, Notifier notifier,
      NotificationProperties properties, Clock clock) {
    this.clock = clock;
    this.tasks = tasks;
    this.runtime = runtime;
    this.notifier = notifier;
    this.properties = properties;
  }

  @Component
  @ConditionalOnProperty(name = "app.notification.reminders-enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {
    private final TaskReminders reminders;

    Schedule(TaskReminders reminders) {
      this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${app.notification.reminder-interval:PT15M}", initialDelayString = "PT30S")
    void run() {
      try {
        reminders.scan();
      } catch (RuntimeException e) {
        LOG.warn("Reminder scan failed: {}", e.toString());
      }
    }
  }

  /** Queues reminders and escalations that are due; returns how many tasks were looked at. */
  @Transactional
  public int scan() {
    Instant now = clock.instant();
    List<Task> dueSoon = tasks.createTaskQuery().active().dueAfter(Date.from(now))
        .dueBefore(Date.from(now.plus(properties.reminderLead()))).orderByDueDate().asc().listPage(0, PAGE);
    for (Task task : dueSoon) {
      notify(task, NotificationKind.TASK_DUE_SOON);
    }
    List<Task> overdue = tasks.createTaskQuery().active().dueBefore(Date.from(now)).orderByDueDate().asc()
        .listPage(0, PAGE);
    for (Task task : overdue) {
      notify(task, NotificationKind.TASK_OVERDUE);
    }
    return dueSoon.size() + overdue.size();
  }

  private void notify(Task task, NotificationKind kind) {
    Object caseRef = runtime.getVariable(task.getExecutionId(), CASE_REF.name());
    String key = kind + ":" + task.getId() + ":" + task.getDueDate().toInstant();
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    // a reminder goes to the assignee (or, without one, the group); an escalation always to the group
    String user = kind == NotificationKind.TASK_DUE_SOON ? task.getAssignee() : null;
    notifier.task(kind, key, (String) caseRef, task.getId(), task.getName(), task.getDueDate(), groups, user);
  }
}
