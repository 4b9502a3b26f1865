package dk.preparedreturn.reflection;

import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_DATE;

import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Variable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Informér om forberedt hjemsendelse": informed on a day from the identification (T0) to today. */
@Component("validateInformation")
class ValidateInformation implements TaskListener {

  static final Variable<java.time.LocalDate> INFORMED_ON = Variable.date("informedOn");

  private final DeadlineCalendar deadlines;

  private final FormInputs inputs;

  ValidateInformation(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    inputs.of(task).requireDateBetween(INFORMED_ON,
        IDENTIFICATION_DATE.require(task), deadlines.today());
  }
}
