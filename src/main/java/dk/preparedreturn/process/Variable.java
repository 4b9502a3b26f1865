package dk.preparedreturn.process;

import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and type in one constant, so delegates, listeners and tests
 * never repeat raw variable-name strings (the idea of camunda-bpm-data's VariableFactory).
 */
public final class Variable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> conversion;

  private Variable(String name, Class<T> type, Function<Object, T> conversion) {
    this.name = name;
    this.type = type;
    this.conversion = conversion;
  }

  public static Variable<String> string(String name) {
    return new Variable<>(name, String.class, v -> v == null ? null : v.toString());
  }

  public static Variable<Boolean> bool(String name) {
    return new Variable<>(name, Boolean.class, v -> v == null ? null : v instanceof Boolean b ? b
        : Boolean.valueOf(v.toString()));
  }

  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, Integer.class, v -> v == null ? null : ((Number) v).intValue());
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value visible from the scope, or null. */
  public T get(VariableScope scope) {
    return conversion.apply(scope.getVariable(name));
  }

  /** The value; fails with a clear message when it is missing. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value;
  }

  public T from(java.util.Map<String, Object> variables) {
    return conversion.apply(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Variable<?> v && v.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }
}
