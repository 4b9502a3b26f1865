package dk.preparedreturn.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
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
  private final List<String> values;

  private Variable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write) {
    this(name, type, read, write, List.of());
  }

  private Variable(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write,
      List<String> values) {
    this.name = name;
    this.type = type;
    this.read = read;
    this.write = write;
    this.values = values;
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
        : Enum.valueOf(values, v.toString()), v -> v == null ? null : v.name(), names(values));
  }

  /** Any number of a value set (a checklist): a list of the constants' names in the engine. */
  @SuppressWarnings("unchecked")
  public static <E extends Enum<E>> Variable<Set<E>> enumSet(String name, Class<E> values) {
    return new Variable<>(name, (Class<Set<E>>) (Class<?>) Set.class, v -> {
      if (v == null) {
        return null;
      }
      EnumSet<E> set = EnumSet.noneOf(values);
      for (Object item : checklist(v)) {
        set.add(Enum.valueOf(values, item.toString()));
      }
      return set;
    }, v -> v == null ? null : v.stream().map(Enum::name).toList(), names(values));
  }

  /** A point on a scale such as 1 to 5, kept as the form submits it (the digit as text). */
  public static Variable<Integer> scale(String name, int lowest, int highest) {
    List<String> points = IntStream.rangeClosed(lowest, highest).mapToObj(String::valueOf).toList();
    return new Variable<>(name, Integer.class, v -> v == null || v.toString().isBlank() ? null
        : Integer.valueOf(v.toString()), v -> v == null ? null : v.toString(), points);
  }

  private static List<String> names(Class<? extends Enum<?>> values) {
    return Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
  }

  /** A checklist's value: a list, or its JSON text as Camunda Forms may submit it. */
  private static Collection<?> checklist(Object value) {
    if (value instanceof Collection<?> items) {
      return items;
    }
    String text = value.toString().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      return Arrays.stream(text.substring(1, text.length() - 1).split(","))
          .map(item -> item.trim().replaceAll("^\"|\"$", "")).filter(item -> !item.isEmpty()).toList();
    }
    throw new IllegalArgumentException("Not a checklist: " + value.getClass().getSimpleName());
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /**
   * The values the engine may hold, as the engine holds them, for a value set (an enum's constant
   * names, the points of a scale); empty for a free value. Forms must offer exactly these.
   */
  public List<String> values() {
    return values;
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
