package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;

import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Meet the person before departure" (partner, English): the meeting took place from T0 to today. */
@Component("validatePartnerMeeting")
class ValidatePartnerMeeting implements TaskListener {

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidatePartnerMeeting(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    inputs.of(task).requireDateBetween(PreparationProcess.PARTNER_MEETING_DATE,
        IDENTIFICATION_DATE.require(task), deadlines.today());
  }
}
