package dk.preparedreturn.report;

import dk.preparedreturn.process.OpenWork;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.process.DeadlineCalendar;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The managers' figures: from the case records, and for the cases deleted after the retention
 * period from their statistics rows, so the figures survive retention; deadlines from the open
 * cases and tasks. No person data, no names; countries of return as routing facts.
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

  /**
   * The change of the reintegration sustainability ratings (IOM RSS, 1-5) from arrival to month 12,
   * per quarter of the month-12 rating: how many journeys were rated twice, and the mean change per
   * dimension (one decimal), shown only when at least k journeys share the quarter.
   */
  public record SustainabilityQuarter(int year, int quarter, long journeys, Double economic, Double social,
      Double psychosocial) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final OpenWork openWork;
  private final DeadlineCalendar calendar;

  ReportService(JdbcClient jdbc, OpenWork openWork, DeadlineCalendar calendar, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.openWork = openWork;
    this.calendar = calendar;
  }

  /** One line per combination of the facts the figures need, with the number of cases that share it. */
  record Facts(String phase, String country, String offerDecision, boolean exited, boolean departed, String outcome,
      long cases) {

    boolean closed() {
      return CasePhase.CLOSED.name().equals(phase);
    }
  }

  /**
   * The cases whose record still exists (from {@code case_file}) and, for the cases deleted after the
   * retention period, their statistics rows (those no case record points to). Case records the
   * earlier retention job left without person data are counted through their statistics row only.
   */
  static final String FACTS = "SELECT phase, country_of_return, offer_decision, exited, departed, outcome, count(*)"
      + " FROM (SELECT phase, country_of_return, offer_decision,"
      + "   CASE WHEN exit_reason IS NULL THEN 0 ELSE 1 END AS exited,"
      + "   CASE WHEN departure_date IS NULL THEN 0 ELSE 1 END AS departed, outcome"
      + "   FROM case_file WHERE pseudonymised_at IS NULL"
      + " UNION ALL SELECT 'CLOSED', country_of_return, offer_decision,"
      + "   CASE WHEN exit_reason IS NULL THEN 0 ELSE 1 END, CASE WHEN departed THEN 1 ELSE 0 END, outcome"
      + "   FROM case_statistics s WHERE NOT EXISTS (SELECT 1 FROM case_file f WHERE f.stats_id = s.stats_id)) x"
      + " GROUP BY phase, country_of_return, offer_decision, exited, departed, outcome";

  public Summary summary() {
    Instant now = clock.instant();
    LocalDate today = calendar.today();
    List<Facts> facts = jdbc.sql(FACTS).query((rs, n) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getInt(4) == 1, rs.getInt(5) == 1, rs.getString(6), rs.getLong(7))).list();

    Map<String, Long> phases = new LinkedHashMap<>();
    for (CasePhase phase : CasePhase.values()) {
      phases.put(phase.name(), 0L);
    }
    facts.forEach(f -> phases.merge(f.phase(), f.cases(), Long::sum));
    long closed = phases.get(CasePhase.CLOSED.name());
    long all = phases.values().stream().mapToLong(Long::longValue).sum();

    Deadlines deadlines = new Deadlines(
        count("SELECT count(*) FROM case_file WHERE closed_at IS NULL AND departure_date IS NULL"
            + " AND departure_deadline >= ? AND departure_deadline < ?", today, today.plusDays(7)),
        count("SELECT count(*) FROM case_file WHERE departure_date IS NULL AND departure_deadline < ?"
            + " AND closed_at IS NULL", today),
        openWork.countDueBetween(now, now.plus(Duration.ofDays(7))),
        openWork.countOverdue(now));

    long accepted = sum(facts, f -> "ACCEPTED".equals(f.offerDecision()));
    long declined = sum(facts, f -> "DECLINED".equals(f.offerDecision()));
    long undecided = sum(facts, f -> "UNDECIDED".equals(f.offerDecision()) && !f.closed());
    Offer offer = new Offer(accepted, declined, undecided, ratio(accepted, accepted + declined));

    long before = sum(facts, f -> "ACCEPTED".equals(f.offerDecision()) && f.exited() && !f.departed());
    long after = sum(facts, f -> CaseOutcome.DROPPED_OUT.name().equals(f.outcome()));
    DropOut dropOut = new DropOut(before, after, ratio(before + after, accepted));

    long completed = sum(facts, f -> CaseOutcome.COMPLETED.name().equals(f.outcome()));
    long departedClosed = sum(facts, f -> f.departed() && f.closed());
    Month12 month12 = new Month12(completed, departedClosed, ratio(completed, departedClosed));

    Map<String, Long> outcomes = new TreeMap<>();
    facts.stream().filter(f -> f.outcome() != null).forEach(f -> outcomes.merge(f.outcome(), f.cases(), Long::sum));

    Map<String, List<Facts>> perCountry = new TreeMap<>();
    facts.forEach(f -> perCountry.computeIfAbsent(f.country(), c -> new ArrayList<>()).add(f));
    List<CountryRow> countries = new ArrayList<>();
    perCountry.forEach((country, rows) -> countries.add(new CountryRow(country, sum(rows, f -> true),
        sum(rows, f -> !f.closed()), sum(rows, Facts::departed),
        sum(rows, f -> CaseOutcome.COMPLETED.name().equals(f.outcome())),
        sum(rows, f -> CaseOutcome.DROPPED_OUT.name().equals(f.outcome())),
        sum(rows, f -> CaseOutcome.HANDED_OVER.name().equals(f.outcome())))));
    countries.sort(Comparator.comparingLong(CountryRow::cases).reversed().thenComparing(CountryRow::countryOfReturn));

    return new Summary(now, all - closed, closed, phases, deadlines, offer, dropOut, medianDaysPerPhase(), month12,
        new LinkedHashMap<>(outcomes), countries);
  }

  /** From the statistics rows (no case reference, kept after retention); quarters with fewer than k journeys suppressed. */
  public List<SustainabilityQuarter> sustainabilityPerQuarter(int k) {
    return jdbc.sql("SELECT rss_year, rss_quarter, count(*), sum(rss_economic_change), sum(rss_social_change),"
            + " sum(rss_psychosocial_change) FROM case_statistics WHERE rss_year IS NOT NULL"
            + " GROUP BY rss_year, rss_quarter ORDER BY rss_year, rss_quarter")
        .query((rs, n) -> {
          long journeys = rs.getLong(3);
          boolean shown = journeys >= k;
          return new SustainabilityQuarter(rs.getInt(1), rs.getInt(2), journeys,
              shown ? mean(rs.getLong(4), journeys) : null, shown ? mean(rs.getLong(5), journeys) : null,
              shown ? mean(rs.getLong(6), journeys) : null);
        }).list();
  }

  private static double mean(long sum, long count) {
    return Math.round(10.0 * sum / count) / 10.0;
  }

  private static long sum(List<Facts> facts, Predicate<Facts> which) {
    return facts.stream().filter(which).mapToLong(Facts::cases).sum();
  }

  /**
   * Median days a case spends in each phase: per case, the finished stays in the phase added up.
   * Cases deleted after the retention period count with the middle of the whole week kept in their
   * statistics row (one decimal).
   */
  Map<String, Double> medianDaysPerPhase() {
    Map<CasePhase, List<Double>> durations = new EnumMap<>(CasePhase.class);
    Map<String, Long> minutes = new LinkedHashMap<>();
    jdbc.sql("SELECT h.case_ref, h.phase, h.entered_at, h.left_at FROM case_phase_history h"
            + " JOIN case_file f ON f.case_ref = h.case_ref"
            + " WHERE f.pseudonymised_at IS NULL AND h.left_at IS NOT NULL AND h.phase <> 'CLOSED'")
        .query((rs, n) -> minutes.merge(rs.getString(1) + "|" + rs.getString(2),
            Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()).toMinutes(), Long::sum))
        .list();
    minutes.forEach((key, m) -> durations.computeIfAbsent(CasePhase.valueOf(key.substring(key.indexOf('|') + 1)),
        p -> new ArrayList<>()).add(m / (60.0 * 24)));
    String weekColumns = String.join(", ", CaseStatistics.WEEK_COLUMNS.values());
    jdbc.sql("SELECT " + weekColumns + " FROM case_statistics s"
            + " WHERE NOT EXISTS (SELECT 1 FROM case_file f WHERE f.stats_id = s.stats_id)")
        .query((rs, n) -> {
          int column = 1;
          for (CasePhase phase : CaseStatistics.WEEK_COLUMNS.keySet()) {
            int weeks = rs.getInt(column++);
            if (!rs.wasNull()) {
              durations.computeIfAbsent(phase, p -> new ArrayList<>()).add(weeks * 7 + 3.5);
            }
          }
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
