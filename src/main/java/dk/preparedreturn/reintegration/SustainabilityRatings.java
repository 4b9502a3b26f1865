package dk.preparedreturn.reintegration;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The partner's reintegration sustainability ratings (IOM Reintegration Sustainability Survey:
 * economic, social, psychosocial, 1-5) on "Refine the reintegration plan" (at arrival) and "Submit the
 * final report" (month 12), kept in the case record; managers see only the change per quarter.
 */
@Component
class SustainabilityRatings {

  private final CaseService cases;

  SustainabilityRatings(CaseService cases) {
    this.cases = cases;
  }

  void record(DelegateTask task, String point, LocalDate ratedOn) {
    // on the form's scale and required: the form check (package forms) has refused anything else
    int economic = ReintegrationProcess.ECONOMIC_SITUATION.require(task);
    int social = ReintegrationProcess.SOCIAL_SITUATION.require(task);
    int psychosocial = ReintegrationProcess.PSYCHOSOCIAL_SITUATION.require(task);
    cases.recordSustainability(CaseScope.requireCaseRef(task), point, economic, social, psychosocial, ratedOn);
  }
}
