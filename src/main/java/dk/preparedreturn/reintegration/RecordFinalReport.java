package dk.preparedreturn.reintegration;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.DeadlineCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Submit the final report" (partner, English): the sustainability ratings at month 12, rated today. */
@Component("recordFinalReport")
class RecordFinalReport implements TaskListener {

  private final SustainabilityRatings ratings;
  private final DeadlineCalendar deadlines;

  RecordFinalReport(SustainabilityRatings ratings, DeadlineCalendar deadlines) {
    this.ratings = ratings;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    ratings.record(task, CaseService.MONTH_12, deadlines.today());
  }
}
