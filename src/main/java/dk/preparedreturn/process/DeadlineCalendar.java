package dk.preparedreturn.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * Date arithmetic for timer and due-date expressions in the models, e.g.
 * {@code ${deadlines.passedAt(departureDeadline)}}. Every deadline is computed from case dates (ISO
 * strings), never from "now", in the service's time zone (Europe/Copenhagen by default):
 *
 * <ul>
 *   <li>a deadline date D has passed at the start of D + 1 (a 30-day deadline has not passed on day 30);</li>
 *   <li>a task due on D is due at 23:59 on D;</li>
 *   <li>reminders and follow-ups fire at 08:00 on their day.</li>
 * </ul>
 */
@Component("deadlines")
public class DeadlineCalendar {

  static final LocalTime WORKDAY_START = LocalTime.of(8, 0);
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private final EngineClock clock;
  private final ZoneId zone;

  public DeadlineCalendar(EngineClock clock) {
    this.clock = clock;
    this.zone = clock.getZone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** Today in the service's time zone, by the engine clock (moved by tests). */
  public LocalDate today() {
    return clock.today();
  }

  public String plusDays(Object date, Object days) {
    return date(date).plusDays(number(days)).toString();
  }

  public String minusDays(Object date, Object days) {
    return date(date).minusDays(number(days)).toString();
  }

  public String plusMonths(Object date, Object months) {
    return date(date).plusMonths(number(months)).toString();
  }

  /** The due date-time of a task due on the given day. */
  public Date dueOn(Object date) {
    return at(date(date), END_OF_DAY);
  }

  /** 08:00 on the given day: when reminders and follow-ups fire. */
  public Date morningOf(Object date) {
    return at(date(date), WORKDAY_START);
  }

  /** The moment a deadline on the given day has passed: the start of the next day. */
  public Date passedAt(Object date) {
    return Date.from(date(date).plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** Whether a deadline on the given day has passed by the engine clock. */
  public boolean passed(Object date) {
    return !clock.instant().isBefore(passedAt(date).toInstant());
  }

  /**
   * One lead time from the result of the decision table {@code LeadTimes} (one row per lead time,
   * columns {@code leadTime} and {@code days}): the days of the row with the given name. A missing
   * or doubled row is an error of the table, so the step fails (an incident) instead of guessing.
   */
  public int leadTime(Object decisionResult, String name) {
    return row(decisionResult, "LeadTimes", "leadTime", "days", name);
  }

  /**
   * One parameter from the result of a decision table with one row per parameter (columns
   * {@code parameter} and {@code value}, e.g. {@code SafeguardingParameters}); as {@link #leadTime}.
   */
  public int parameter(Object decisionResult, String name) {
    return row(decisionResult, "the decision table", "parameter", "value", name);
  }

  private static int row(Object decisionResult, String table, String nameColumn, String valueColumn, String name) {
    if (!(decisionResult instanceof DmnDecisionResult rows)) {
      throw new IllegalArgumentException("Not the result of a decision table: " + table + "." + name);
    }
    List<Integer> values = rows.getResultList().stream()
        .filter(row -> name.equals(row.get(nameColumn)))
        .map(row -> (int) number(row.get(valueColumn)))
        .toList();
    if (values.size() != 1) {
      throw new IllegalStateException(table + " must have exactly one row for " + name + ", has " + values.size());
    }
    return values.get(0);
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(ZonedDateTime.of(day, time, zone).toInstant());
  }

  /** Parses an ISO date (yyyy-MM-dd, or the date part of an ISO date-time). */
  public static LocalDate date(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("A date is missing");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not a date (yyyy-MM-dd): " + text, e);
    }
  }

  private static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value == null) {
      throw new IllegalArgumentException("A number of days or months is missing");
    }
    return Long.parseLong(value.toString());
  }
}
