package dk.preparedreturn.transfer;

import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Hand over the case to the new partner": what was handed over ("nothing yet" only on its own), the
 * person told of the new partner, and the day of the hand-over between DRC's decision and today.
 */
@Component("validateHandOver")
class ValidateHandOver implements TaskListener {

  private final FormInputs inputs;
  private final DeadlineCalendar deadlines;

  ValidateHandOver(FormInputs inputs, DeadlineCalendar deadlines) {
    this.inputs = inputs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    Set<HandOverItem> items = PartnerTransferProcess.HANDED_OVER.get(task);
    if (items == null || items.isEmpty()) {
      throw input.refused(PartnerTransferProcess.HANDED_OVER, "required");
    }
    if (items.contains(HandOverItem.NOTHING_YET) && items.size() > 1) {
      throw input.brokenRule(PartnerTransferProcess.HANDED_OVER, "nothingYetAlone");
    }
    input.requireTicked(PartnerTransferProcess.PERSON_INFORMED);
    input.requireDateBetween(PartnerTransferProcess.HANDED_OVER_ON,
        PartnerTransferProcess.TRANSFER_DECIDED_ON.require(task), deadlines.today());
  }
}
