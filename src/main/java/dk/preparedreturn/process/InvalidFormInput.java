package dk.preparedreturn.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form was submitted with a value the rules do not allow. Thrown by the validating task
 * listeners before anything is changed. It is Camunda's form-validation exception, which the
 * engine REST API and Tasklist's API answer with 400 and the message ("Ny udrejsefrist: må ikke
 * ligge efter 2026-07-01"), shown next to the form, which stays open; the service's own API answers
 * 400 problem+json naming the field.
 */
public class InvalidFormInput extends FormFieldValidationException {

  private final String field;

  public InvalidFormInput(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
