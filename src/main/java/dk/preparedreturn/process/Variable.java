package dk.preparedreturn.process;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and type in one constant, so delegates, listeners and tests
 * never repeat raw variable-name strings (the idea of camunda-bpm-data's VariableFactory). Dates are
 * {@link LocalDate} in code and ISO strings (yyyy-MM-dd) in the engine, as Camunda Forms submit them;
 * value sets are enums in code and their constant names in the engine, as the forms' options are.
 */
public final class Variable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private Variable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write) {
    this.name = name;
    this.type = type;
    this.read = read;
    this.write = write;
  }

  public static Variable<String> string(String name) {
    return new Variable<>(name, String.class, v -> v == null ? null : v.toString(), v -> v);
  }

  public static Variable<Boolean> bool(String name) {
    return new Variable<>(name, Boolean.class, v -> v == null ? null : v instanceof Boolean b ? b
        : Boolean.valueOf(v.toString()), v -> v);
  }

  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, Integer.class, v -> v == null ? null : ((Number) v).intValue(), v -> v);
  }

  /** A day: an ISO date string in the engine (the date part of a date-time is taken). */
  public static Variable<LocalDate> date(String name) {
    return new Variable<>(name, LocalDate.class, v -> v == null || v.toString().isBlank() ? null
        : DeadlineCalendar.date(v), v -> v == null ? null : v.toString());
  }

  /** One of a value set: the constant's name in the engine. */
  public static <E extends Enum<E>> Variable<E> enumeration(String name, Class<E> values) {
    return new Variable<>(name, values, v -> v == null || v.toString().isBlank() ? null
        : Enum.valueOf(values, v.toString()), v -> v == null ? null : v.name());
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value visible from the scope, or null. */
  public T get(VariableScope scope) {
    return read.apply(scope.getVariable(name));
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
    return read.apply(variables.get(name));
  }

  /** The value as the engine keeps it (an ISO string for a date, the constant's name for an enum). */
  public Object stored(T value) {
    return write.apply(value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
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
