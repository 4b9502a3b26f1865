package dk.preparedreturn.reintegration;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.Variable;
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

  static final Variable<String> ECONOMIC = Variable.string("economicSituation");
  static final Variable<String> SOCIAL = Variable.string("socialSituation");
  static final Variable<String> PSYCHOSOCIAL = Variable.string("psychosocialSituation");
  static final String[] SCALE = {"1", "2", "3", "4", "5"};

  private final CaseService cases;

  SustainabilityRatings(CaseService cases) {
    this.cases = cases;
  }

  void record(DelegateTask task, String point, LocalDate ratedOn) {
    FormInput input = FormInput.english(task);
    int economic = Integer.parseInt(input.requireOneOf(ECONOMIC, "Economic situation", SCALE));
    int social = Integer.parseInt(input.requireOneOf(SOCIAL, "Social situation", SCALE));
    int psychosocial = Integer.parseInt(input.requireOneOf(PSYCHOSOCIAL, "Psychosocial situation", SCALE));
    cases.recordSustainability(CaseScope.requireCaseRef(task), point, economic, social, psychosocial, ratedOn);
  }
}
