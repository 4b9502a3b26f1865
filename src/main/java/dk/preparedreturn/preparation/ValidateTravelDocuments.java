package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.CaseScope;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Fremskaf id- og rejsedokumenter": the documents must be valid beyond the departure; the flight is
 * not booked yet, so beyond the latest possible departure day, the departure deadline. (Booking and
 * rebooking check the flight against the documents again: the deadline may move later.) Each
 * accompanying child has documents too; the case record keeps how many children travel (no names).
 */
@Component("validateTravelDocuments")
class ValidateTravelDocuments implements TaskListener {

  private final FormInputs inputs;
  private final CaseService cases;

  ValidateTravelDocuments(FormInputs inputs, CaseService cases) {
    this.inputs = inputs;
    this.cases = cases;
  }


  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    LocalDate validUntil = input.requireDate(PreparationProcess.DOCUMENTS_VALID_UNTIL);
    LocalDate deadline = DEPARTURE_DEADLINE.require(task);
    if (!validUntil.isAfter(deadline)) {
      throw input.brokenRule(PreparationProcess.DOCUMENTS_VALID_UNTIL, "documentsValidAfterDeadline", deadline);
    }
    Integer children = PreparationProcess.ACCOMPANYING_CHILDREN.get(task);
    if (children == null) {
      throw input.refused(PreparationProcess.ACCOMPANYING_CHILDREN, "required");
    }
    if (children > 0) {
      input.requireTicked(PreparationProcess.CHILDREN_DOCUMENTS_OBTAINED);
    }
    cases.recordAccompanyingChildren(CaseScope.requireCaseRef(task), children);
  }
}
