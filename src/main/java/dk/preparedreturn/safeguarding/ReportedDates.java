package dk.preparedreturn.safeguarding;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The date a partner reports on a safeguarding task (English): the monitoring visit or the tracing
 * attempt happened after the task was given (its creation day) and not in the future.
 */
final class ReportedDates {

  private ReportedDates() {
  }

  static LocalDate requireSinceTaskCreated(DelegateTask task, DeadlineCalendar deadlines, Variable<LocalDate> date,
      String label) {
    LocalDate created = task.getCreateTime() == null ? null
        : task.getCreateTime().toInstant().atZone(deadlines.zone()).toLocalDate();
    return FormInput.english(task).requireDateBetween(date, label, created, deadlines.today());
  }

  /** "Carry out a monitoring visit" (partner). */
  @Component("validateMonitoringVisit")
  static class MonitoringVisit implements TaskListener {

    private final DeadlineCalendar deadlines;

    MonitoringVisit(DeadlineCalendar deadlines) {
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
      requireSinceTaskCreated(task, deadlines, SafeguardingProcess.VISIT_DATE, "Visit date");
    }
  }

  /** "Try to trace the person" (partner), one attempt. */
  @Component("validateTracingAttempt")
  static class TracingAttempt implements TaskListener {

    private final DeadlineCalendar deadlines;

    TracingAttempt(DeadlineCalendar deadlines) {
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
      requireSinceTaskCreated(task, deadlines, SafeguardingProcess.ATTEMPT_DATE, "Date of the attempt");
    }
  }
}
