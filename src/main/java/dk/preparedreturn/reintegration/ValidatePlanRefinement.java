package dk.preparedreturn.reintegration;

import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;

import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Variable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Refine the reintegration plan" (partner, English): agreed on a day from the arrival (R0) to today;
 * the sustainability ratings at arrival, rated that day.
 */
@Component("validatePlanRefinement")
class ValidatePlanRefinement implements TaskListener {

  static final Variable<java.time.LocalDate> PLAN_AGREED_ON = Variable.date("planAgreedOn");

  private final DeadlineCalendar deadlines;
  private final SustainabilityRatings ratings;

  private final FormInputs inputs;

  ValidatePlanRefinement(FormInputs inputs, DeadlineCalendar deadlines, SustainabilityRatings ratings) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.ratings = ratings;
  }

  @Override
  public void notify(DelegateTask task) {
    java.time.LocalDate agreed = inputs.of(task).requireDateBetween(PLAN_AGREED_ON,
        ARRIVAL_DATE.require(task), deadlines.today());
    ratings.record(task, dk.preparedreturn.casefile.CaseService.ARRIVAL, agreed);
  }
}
