package dk.preparedreturn.forms;

import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A completed task's values as its listener reads them, after the form check has refused anything
 * the form itself rules out (a missing required field, an option the form does not offer, a
 * malformed date). What is left here are the rules a form cannot state: those against the case's
 * dates and records. A refusal names the field by its label in the deployed form and says why in
 * the task's language, from the validation bundle: {@code field.*} for the common reasons,
 * {@code rule.*} for a listener's own rules. Created by {@link FormInputs}.
 */
public final class FormInput {

  private final VariableScope scope;
  private final Refusals refusals;
  private final FormSchema form;

  FormInput(VariableScope scope, Refusals refusals, FormSchema form) {
    this.scope = scope;
    this.refusals = refusals;
    this.form = form;
  }

  public String requireText(Variable<String> variable) {
    String value = variable.get(scope);
    if (value == null || value.isBlank()) {
      throw refused(variable, "required");
    }
    return value.trim();
  }

  /** The value of a value set (a value outside the set is refused rather than failing the command). */
  public <E extends Enum<E>> E requireChoice(Variable<E> variable) {
    E value;
    try {
      value = variable.get(scope);
    } catch (IllegalArgumentException e) {
      throw refused(variable, "invalidValue", String.valueOf(scope.getVariable(variable.name())));
    }
    if (value == null) {
      throw refused(variable, "required");
    }
    return value;
  }

  /** The value of a value set, or null when none was chosen (a value outside the set is refused). */
  public <E extends Enum<E>> E optionalChoice(Variable<E> variable) {
    try {
      return variable.get(scope);
    } catch (IllegalArgumentException e) {
      throw refused(variable, "invalidValue", String.valueOf(scope.getVariable(variable.name())));
    }
  }

  /** A checkbox that must be ticked (a consent, a confirmation). */
  public void requireTicked(Variable<Boolean> variable) {
    if (!Boolean.TRUE.equals(variable.get(scope))) {
      throw refused(variable, "ticked");
    }
  }

  public LocalDate requireDate(Variable<LocalDate> variable) {
    LocalDate value;
    try {
      value = variable.get(scope);
    } catch (IllegalArgumentException e) {
      throw refused(variable, "date");
    }
    if (value == null) {
      throw refused(variable, "required");
    }
    return value;
  }

  /** A date within [from, to]; either bound may be null. */
  public LocalDate requireDateBetween(Variable<LocalDate> variable, LocalDate from, LocalDate to) {
    LocalDate date = requireDate(variable);
    if (from != null && date.isBefore(from)) {
      throw refused(variable, "notBefore", from);
    }
    if (to != null && date.isAfter(to)) {
      throw refused(variable, "notAfter", to);
    }
    return date;
  }

  /** The refusal for a common reason: {@code field.<reason>}, its {1}, {2} … the arguments (dates formatted). */
  public InvalidFormInput refused(Variable<?> variable, String reason, Object... arguments) {
    return refused(variable.name(), reason, arguments);
  }

  /** The same for a field the listener reads by its name. */
  public InvalidFormInput refused(String field, String reason, Object... arguments) {
    return refusals.of(field, label(field), reason, arguments);
  }

  /** The refusal by a listener's own rule: {@code rule.<rule>}, its {1}, {2} … the arguments (dates formatted). */
  public InvalidFormInput brokenRule(Variable<?> variable, String rule, Object... arguments) {
    return brokenRule(variable.name(), rule, arguments);
  }

  /** The same for a field the listener reads by its name. */
  public InvalidFormInput brokenRule(String field, String rule, Object... arguments) {
    return refusals.rule(field, label(field), rule, arguments);
  }

  private String label(String field) {
    return form == null || form.field(field) == null ? field : FormSchema.label(form.field(field));
  }
}
