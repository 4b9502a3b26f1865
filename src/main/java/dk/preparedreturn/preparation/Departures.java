package dk.preparedreturn.preparation;

import dk.preparedreturn.process.Workflow;
import org.springframework.stereotype.Component;

/**
 * {@code ${departures.awaitingConfirmation(caseRef)}} in the main process: when the departure
 * deadline has passed, is the preparation done and the departure booked within the deadline still
 * waiting for Hjemrejsestyrelsen's confirmation ("Bekræft udrejse" open)? Then the deadline does
 * not hand the case over; the confirmation decides.
 */
@Component("departures")
public class Departures {

  private final Workflow workflow;

  Departures(Workflow workflow) {
    this.workflow = workflow;
  }

  public boolean awaitingConfirmation(String caseRef) {
    return workflow.hasOpenTask(caseRef, PreparationProcess.TASK_CONFIRM_DEPARTURE);
  }
}
