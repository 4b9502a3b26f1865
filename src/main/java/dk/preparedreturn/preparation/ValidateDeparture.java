package dk.preparedreturn.preparation;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.DEPARTED;
import static dk.preparedreturn.journey.CaseVariables.DEPARTURE_DATE;
import static dk.preparedreturn.journey.CaseVariables.IDENTIFICATION_DATE;

import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.journey.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Bekræft udrejse": the actual departure date, not in the future; from here the reintegration follows. */
@Component("validateDeparture")
class ValidateDeparture implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseFileRepository cases;

  ValidateDeparture(DeadlineCalendar deadlines, CaseFileRepository cases) {
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    var date = FormInput.danish(task).requireDateBetween(DEPARTURE_DATE, "Faktisk udrejsedato",
        DeadlineCalendar.date(IDENTIFICATION_DATE.require(task)), deadlines.today());
    DEPARTED.set(task, true);
    cases.setDeparture(CASE_REF.require(task), date);
  }
}
