package dk.preparedreturn.forms;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form was submitted with a value the rules do not allow. Thrown by the validating task
 * listeners before anything is changed; the REST API answers 400 and Tasklist shows the message
 * next to the form, which stays open.
 */
public class InvalidFormInput extends BadUserRequestException {

  private final String field;

  public InvalidFormInput(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
