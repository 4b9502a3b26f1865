package dk.preparedreturn.forms;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.InvalidFormInput;

/**
 * Refusals of a submission in the audience's language, each naming the field: "[label]: [reason]",
 * the reason from the validation bundle ({@code validation_da}, {@code validation_en}).
 */
final class Refusals {

  private final Texts texts;
  private final Audience audience;

  Refusals(Texts texts, Audience audience) {
    this.texts = texts;
    this.audience = audience;
  }

  Audience audience() {
    return audience;
  }

  /** The refusal of the field's value for the reason {@code field.<reason>}, its {1}, {2} … the arguments. */
  InvalidFormInput of(String field, String label, String reason, Object... arguments) {
    Object[] all = new Object[arguments.length + 1];
    all[0] = label;
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return new InvalidFormInput(field, texts.get(audience, "field." + reason, all));
  }

  /** "Claims, row 2". */
  String row(String listLabel, int number) {
    return texts.get(audience, "form.row", listLabel, String.valueOf(number));
  }
}
