package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Meet the person before departure" (partner, English): the meeting took place from T0 to today. */
@Component("validatePartnerMeeting")
class ValidatePartnerMeeting implements TaskListener {

  private final DeadlineCalendar deadlines;

  ValidatePartnerMeeting(DeadlineCalendar deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput.english(task).requireDateBetween(PreparationProcess.PARTNER_MEETING_DATE, "Date of the meeting",
        IDENTIFICATION_DATE.require(task), deadlines.today());
  }
}
