package dk.preparedreturn.notification;

import dk.preparedreturn.process.OpenWork;
import dk.preparedreturn.process.OpenWork.DueTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

  private final OpenWork work;
  private final Clock clock;
  private final Notifier notifier;
  private final NotificationProperties properties;

  TaskReminders(OpenWork work, Notifier notifier, NotificationProperties properties, Clock clock) {
    this.work = work;
    this.clock = clock;
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
    List<DueTask> dueSoon = work.dueBetween(now, now.plus(properties.reminderLead()), PAGE);
    for (DueTask task : dueSoon) {
      notify(task, NotificationKind.TASK_DUE_SOON);
    }
    List<DueTask> overdue = work.overdue(now, PAGE);
    for (DueTask task : overdue) {
      notify(task, NotificationKind.TASK_OVERDUE);
    }
    return dueSoon.size() + overdue.size();
  }

  private void notify(DueTask task, NotificationKind kind) {
    String key = kind + ":" + task.id() + ":" + task.due().toInstant();
    // a reminder goes to the assignee (or, without one, the group); an escalation always to the group
    String user = kind == NotificationKind.TASK_DUE_SOON ? task.assignee() : null;
    notifier.task(kind, key, task.caseRef(), task.id(), task.name(), task.due(), task.candidateGroups(), user);
  }
}
