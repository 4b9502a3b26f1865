package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.journey.DeadlineCalendar;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The managers' figures, from the case records (which keep no personal data after retention, so
 * the figures survive it) and the open tasks. No person data, no names; countries of return as
 * routing facts.
 */
@Service
public class ReportService {

  public record Summary(Instant generatedAt, long openCases, long closedCases, Map<String, Long> casesPerPhase,
      Deadlines deadlines, Offer offer, DropOut dropOut, Map<String, Double> medianDaysPerPhase, Month12 month12,
      Map<String, Long> outcomes, List<CountryRow> byCountry) {
  }

  /** Legal deadlines (departure) and working deadlines (task due dates) at risk in 7 days, or passed. */
  public record Deadlines(long departureDeadlinesWithin7Days, long departureDeadlinesPassedNotDeparted,
      long tasksDueWithin7Days, long tasksOverdue) {
  }

  /** Take-up of the offer among the persons who decided. */
  public record Offer(long accepted, long declined, long undecided, Double takeUpRate) {
  }

  /** Persons who accepted and then withdrew or lost contact, before or after departure. */
  public record DropOut(long beforeDeparture, long afterDeparture, Double rateOfAccepted) {
  }

  /** Journeys that reached the end of the reintegration period, of all that departed and are closed. */
  public record Month12(long completed, long departedAndClosed, Double share) {
  }

  public record CountryRow(String countryOfReturn, long cases, long open, long departed, long completed,
      long droppedOut, long handedOver) {
  }

  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final DeadlineCalendar calendar;

  ReportService(JdbcClient jdbc, @Lazy TaskService tasks, DeadlineCalendar calendar) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.calendar = calendar;
  }

  public Summary summary() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate today = calendar.today();
    Map<String, Long> phases = new LinkedHashMap<>();
    for (CasePhase phase : CasePhase.values()) {
      phases.put(phase.name(), 0L);
    }
    jdbc.sql("SELECT phase, count(*) FROM case_file GROUP BY phase")
        .query((rs, n) -> phases.put(rs.getString(1), rs.getLong(2))).list();
    long closed = phases.get(CasePhase.CLOSED.name());
    long all = phases.values().stream().mapToLong(Long::longValue).sum();

    Deadlines deadlines = new Deadlines(
        count("SELECT count(*) FROM case_file WHERE closed_at IS NULL AND departure_date IS NULL"
            + " AND departure_deadline >= ? AND departure_deadline < ?", today, today.plusDays(7)),
        count("SELECT count(*) FROM case_file WHERE departure_date IS NULL AND departure_deadline < ?"
            + " AND (closed_at IS NULL OR phase = 'HANDOVER')", today),
        tasks.createTaskQuery().active().dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(Duration.ofDays(7))))
            .count(),
        tasks.createTaskQuery().active().dueBefore(Date.from(now)).count());

    long accepted = count("SELECT count(*) FROM case_file WHERE offer_decision = 'ACCEPTED'");
    long declined = count("SELECT count(*) FROM case_file WHERE offer_decision = 'DECLINED'");
    long undecided = count("SELECT count(*) FROM case_file WHERE offer_decision = 'UNDECIDED' AND closed_at IS NULL");
    Offer offer = new Offer(accepted, declined, undecided, ratio(accepted, accepted + declined));

    long before = count("SELECT count(*) FROM case_file WHERE offer_decision = 'ACCEPTED' AND exit_reason IS NOT NULL"
        + " AND departure_date IS NULL");
    long after = count("SELECT count(*) FROM case_file WHERE outcome = 'DROPPED_OUT'");
    DropOut dropOut = new DropOut(before, after, ratio(before + after, accepted));

    long completed = count("SELECT count(*) FROM case_file WHERE outcome = 'COMPLETED'");
    long departedClosed = count("SELECT count(*) FROM case_file WHERE departure_date IS NOT NULL AND closed_at IS NOT NULL");
    Month12 month12 = new Month12(completed, departedClosed, ratio(completed, departedClosed));

    Map<String, Long> outcomes = new LinkedHashMap<>();
    jdbc.sql("SELECT outcome, count(*) FROM case_file WHERE outcome IS NOT NULL GROUP BY outcome ORDER BY outcome")
        .query((rs, n) -> outcomes.put(rs.getString(1), rs.getLong(2))).list();

    List<CountryRow> countries = jdbc.sql("SELECT country_of_return, count(*),"
            + " sum(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END),"
            + " sum(CASE WHEN departure_date IS NOT NULL THEN 1 ELSE 0 END),"
            + " sum(CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END),"
            + " sum(CASE WHEN outcome = 'DROPPED_OUT' THEN 1 ELSE 0 END),"
            + " sum(CASE WHEN outcome = 'HANDED_OVER' THEN 1 ELSE 0 END)"
            + " FROM case_file GROUP BY country_of_return ORDER BY count(*) DESC, country_of_return")
        .query((rs, n) -> new CountryRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7)))
        .list();

    return new Summary(now, all - closed, closed, phases, deadlines, offer, dropOut, medianDaysPerPhase(), month12,
        outcomes, countries);
  }

  /** Median length of the finished stays in each phase, in days (one decimal). */
  Map<String, Double> medianDaysPerPhase() {
    Map<CasePhase, List<Double>> durations = new EnumMap<>(CasePhase.class);
    jdbc.sql("SELECT phase, entered_at, left_at FROM case_phase_history WHERE left_at IS NOT NULL AND phase <> 'CLOSED'")
        .query((rs, n) -> {
          double days = Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toMinutes()
              / (60.0 * 24);
          durations.computeIfAbsent(CasePhase.valueOf(rs.getString(1)), p -> new ArrayList<>()).add(days);
          return null;
        }).list();
    Map<String, Double> medians = new LinkedHashMap<>();
    durations.forEach((phase, values) -> medians.put(phase.name(), Math.round(median(values) * 10) / 10.0));
    return medians;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private long count(String sql, Object... params) {
    Object[] converted = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      converted[i] = params[i] instanceof Instant instant ? Timestamp.from(instant) : params[i];
    }
    return jdbc.sql(sql).params(converted).query(Long.class).single();
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }
}
