package dk.preparedreturn.safeguarding;

import dk.preparedreturn.forms.FormInputs;
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

  static LocalDate requireSinceTaskCreated(DelegateTask task, FormInputs inputs, DeadlineCalendar deadlines,
      Variable<LocalDate> date) {
    LocalDate created = task.getCreateTime() == null ? null
        : task.getCreateTime().toInstant().atZone(deadlines.zone()).toLocalDate();
    return inputs.of(task).requireDateBetween(date, created, deadlines.today());
  }

  /** "Carry out a monitoring visit" (partner). */
  @Component("validateMonitoringVisit")
  static class MonitoringVisit implements TaskListener {

    private final FormInputs inputs;
    private final DeadlineCalendar deadlines;

    MonitoringVisit(FormInputs inputs, DeadlineCalendar deadlines) {
      this.inputs = inputs;
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
      requireSinceTaskCreated(task, inputs, deadlines, SafeguardingProcess.VISIT_DATE);
    }
  }

  /** "Try to trace the person" (partner), one attempt. */
  @Component("validateTracingAttempt")
  static class TracingAttempt implements TaskListener {

    private final FormInputs inputs;
    private final DeadlineCalendar deadlines;

    TracingAttempt(FormInputs inputs, DeadlineCalendar deadlines) {
      this.inputs = inputs;
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
      requireSinceTaskCreated(task, inputs, deadlines, SafeguardingProcess.ATTEMPT_DATE);
    }
  }
}
