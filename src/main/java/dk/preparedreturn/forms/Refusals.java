package dk.preparedreturn.forms;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.InvalidFormInput;
import java.time.LocalDate;

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
    return new InvalidFormInput(field, texts.get(audience, "field." + reason, withLabel(label, arguments)));
  }

  /** The refusal of the field's value by a listener's rule {@code rule.<rule>}, its {1}, {2} … the arguments. */
  InvalidFormInput rule(String field, String label, String rule, Object... arguments) {
    return new InvalidFormInput(field, texts.get(audience, "rule." + rule, withLabel(label, arguments)));
  }

  /** The label first, then the arguments; a day as the audience writes it (07.12.2026, 7 Dec 2026). */
  private Object[] withLabel(String label, Object... arguments) {
    Object[] all = new Object[arguments.length + 1];
    all[0] = label;
    for (int i = 0; i < arguments.length; i++) {
      all[i + 1] = arguments[i] instanceof LocalDate day ? texts.date(audience, day) : arguments[i];
    }
    return all;
  }

  /** "Claims, row 2". */
  String row(String listLabel, int number) {
    return texts.get(audience, "form.row", listLabel, String.valueOf(number));
  }
}
