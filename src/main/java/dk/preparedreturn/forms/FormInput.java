package dk.preparedreturn.forms;

import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads submitted form values with the checks every form needs, and throws
 * {@link InvalidFormInput} with a message the caseworker can act on (in the language of the form).
 */
public final class FormInput {

  private final VariableScope scope;
  private final boolean english;

  private FormInput(VariableScope scope, boolean english) {
    this.scope = scope;
    this.english = english;
  }

  /** Messages in Danish, for the forms of Danish organisations. */
  public static FormInput danish(VariableScope scope) {
    return new FormInput(scope, false);
  }

  /** Messages in English, for the forms of the partners abroad. */
  public static FormInput english(VariableScope scope) {
    return new FormInput(scope, true);
  }

  /**
   * @param label the field's label in the form, used in the message
   */
  public String requireText(Variable<String> variable, String label) {
    String value = variable.get(scope);
    if (value == null || value.isBlank()) {
      throw invalid(variable, label, "skal udfyldes", "is required");
    }
    return value.trim();
  }

  /**
   * The value of a value set (the form check has already refused anything the form does not
   * offer; a value outside the set is refused here too rather than failing the command).
   */
  public <E extends Enum<E>> E requireChoice(Variable<E> variable, String label) {
    E value;
    try {
      value = variable.get(scope);
    } catch (IllegalArgumentException e) {
      throw invalid(variable, label, "har en ugyldig værdi", "has an invalid value");
    }
    if (value == null) {
      throw invalid(variable, label, "skal udfyldes", "is required");
    }
    return value;
  }

  /** A checkbox that must be ticked (a consent, a confirmation). */
  public void requireTicked(Variable<Boolean> variable, String label) {
    if (!Boolean.TRUE.equals(variable.get(scope))) {
      throw invalid(variable, label, "skal være markeret", "must be ticked");
    }
  }

  public LocalDate requireDate(Variable<LocalDate> variable, String label) {
    LocalDate value;
    try {
      value = variable.get(scope);
    } catch (IllegalArgumentException e) {
      throw invalid(variable, label, "er ikke en dato (åååå-mm-dd)", "is not a date (yyyy-mm-dd)");
    }
    if (value == null) {
      throw invalid(variable, label, "skal udfyldes", "is required");
    }
    return value;
  }

  /** A date within [from, to]; either bound may be null. */
  public LocalDate requireDateBetween(Variable<LocalDate> variable, String label, LocalDate from, LocalDate to) {
    LocalDate date = requireDate(variable, label);
    if (from != null && date.isBefore(from)) {
      throw invalid(variable, label, "må ikke ligge før " + from, "must not be before " + from);
    }
    if (to != null && date.isAfter(to)) {
      throw invalid(variable, label, "må ikke ligge efter " + to, "must not be after " + to);
    }
    return date;
  }

  /** "[label]: [reason]", naming the variable as the field. */
  public InvalidFormInput invalid(Variable<?> variable, String label, String danish, String english) {
    return new InvalidFormInput(variable.name(), label + ": " + (this.english ? english : danish));
  }

  public InvalidFormInput invalid(String field, String danish, String english) {
    return new InvalidFormInput(field, this.english ? english : danish);
  }
}
