package dk.preparedreturn.preparation;

import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Fremskaf id- og rejsedokumenter": the documents must be valid beyond the departure; the flight is
 * not booked yet, so beyond the latest possible departure day, the departure deadline. (Booking and
 * rebooking check the flight against the documents again: the deadline may move later.)
 */
@Component("validateTravelDocuments")
class ValidateTravelDocuments implements TaskListener {

  private final FormInputs inputs;

  ValidateTravelDocuments(FormInputs inputs) {
    this.inputs = inputs;
  }


  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    LocalDate validUntil = input.requireDate(PreparationProcess.DOCUMENTS_VALID_UNTIL);
    LocalDate deadline = DEPARTURE_DEADLINE.require(task);
    if (!validUntil.isAfter(deadline)) {
      throw input.brokenRule(PreparationProcess.DOCUMENTS_VALID_UNTIL, "documentsValidAfterDeadline", deadline);
    }
  }
}
