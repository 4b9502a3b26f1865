package dk.preparedreturn.preparation;

import dk.preparedreturn.process.Privileged;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code ${departures.awaitingConfirmation(caseRef)}} in the main process: when the departure
 * deadline has passed, is the preparation done and the departure booked within the deadline still
 * waiting for Hjemrejsestyrelsen's confirmation ("Bekræft udrejse" open)? Then the deadline does
 * not hand the case over; the confirmation decides.
 */
@Component("departures")
public class Departures {

  private final TaskService tasks;

  Departures(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  public boolean awaitingConfirmation(String caseRef) {
    return Privileged.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(PreparationProcess.TASK_CONFIRM_DEPARTURE).count()) > 0;
  }
}
