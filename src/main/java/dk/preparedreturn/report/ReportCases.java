package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.OpenWork;
import dk.preparedreturn.process.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cases behind each figure of the managers' report, who holds each open case, and the trend per
 * quarter. Case reference, phase, country of return and the open tasks (organisation, assignee, due
 * date) only: no person data. Cases deleted after the retention period are counted in the figures
 * through their statistics rows but cannot be listed (nothing links a row to a case).
 */
@Service
class ReportCases {

  /** A figure of the report page; {@code value} a phase, an outcome or a country where it needs one. */
  enum Figure {
    OPEN("f.phase <> 'CLOSED'"),
    CLOSED("f.phase = 'CLOSED'"),
    DEPARTURE_SOON("f.closed_at IS NULL AND f.departure_date IS NULL AND f.departure_deadline >= :today"
        + " AND f.departure_deadline < :inAWeek"),
    DEPARTURE_PASSED("f.departure_date IS NULL AND f.departure_deadline < :today AND f.closed_at IS NULL"),
    TASKS_SOON(null),
    TASKS_OVERDUE(null),
    PHASE("f.phase = :value"),
    PHASE_STAY("EXISTS (SELECT 1 FROM case_phase_history h WHERE h.case_ref = f.case_ref AND h.phase = :value"
        + " AND h.left_at IS NOT NULL)"),
    ACCEPTED("f.offer_decision = 'ACCEPTED'"),
    DECLINED("f.offer_decision = 'DECLINED'"),
    UNDECIDED("f.offer_decision = 'UNDECIDED' AND f.phase <> 'CLOSED'"),
    DECIDED("f.offer_decision IN ('ACCEPTED', 'DECLINED')"),
    DROP_OUT_BEFORE("f.offer_decision = 'ACCEPTED' AND f.exit_reason IS NOT NULL AND f.departure_date IS NULL"),
    DROP_OUT_AFTER("f.outcome = 'DROPPED_OUT'"),
    DROP_OUT("(f.outcome = 'DROPPED_OUT' OR (f.offer_decision = 'ACCEPTED' AND f.exit_reason IS NOT NULL"
        + " AND f.departure_date IS NULL))"),
    COMPLETED("f.outcome = 'COMPLETED'"),
    DEPARTED_CLOSED("f.departure_date IS NOT NULL AND f.phase = 'CLOSED'"),
    OUTCOME("f.outcome = :value"),
    COUNTRY("f.country_of_return = :value"),
    COUNTRY_OPEN("f.country_of_return = :value AND f.phase <> 'CLOSED'"),
    COUNTRY_DEPARTED("f.country_of_return = :value AND f.departure_date IS NOT NULL"),
    COUNTRY_COMPLETED("f.country_of_return = :value AND f.outcome = 'COMPLETED'"),
    COUNTRY_DROPPED_OUT("f.country_of_return = :value AND f.outcome = 'DROPPED_OUT'"),
    COUNTRY_HANDED_OVER("f.country_of_return = :value AND f.outcome = 'HANDED_OVER'");

    final String where;

    Figure(String where) {
      this.where = where;
    }

    boolean needsValue() {
      return where != null && where.contains(":value");
    }

    /** Whether {@code value} is one this figure takes: a phase, an outcome, a country code, or none. */
    boolean accepts(String value) {
      if (!needsValue()) {
        return value == null;
      }
      if (value == null) {
        return false;
      }
      return switch (this) {
        case PHASE, PHASE_STAY -> isOf(CasePhase.class, value);
        case OUTCOME -> isOf(CaseOutcome.class, value);
        default -> COUNTRY_CODE.matcher(value).matches();
      };
    }
  }

  /** An open task of a case: whose it is, who took it, when it is due. */
  record Holding(String taskKey, String taskName, List<String> groups, String assignee, java.util.Date due) {
  }

  /** A case as the report lists it. */
  record CaseRow(String caseRef, CasePhase phase, String countryOfReturn, LocalDate departureDeadline,
      List<Holding> holdings) {
  }

  /** One quarter's counts. */
  record Quarter(int year, int quarter, long referrals, long acceptances, long dropOuts, long completed) {

    public long get(String series) {
      return switch (series) {
        case "referrals" -> referrals;
        case "acceptances" -> acceptances;
        case "dropOuts" -> dropOuts;
        default -> completed;
      };
    }
  }

  static final int MAX_ROWS = 200;
  static final int QUARTERS = 8;
  static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
  private static final String ROW = "SELECT f.case_ref, f.phase, f.country_of_return, f.departure_deadline,"
      + " f.partner_group FROM case_file f WHERE f.pseudonymised_at IS NULL AND ";

  private final JdbcClient jdbc;
  private final Workflow workflow;
  private final OpenWork openWork;
  private final DeadlineCalendar calendar;
  private final Clock clock;

  ReportCases(JdbcClient jdbc, Workflow workflow, OpenWork openWork, DeadlineCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.workflow = workflow;
    this.openWork = openWork;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The cases behind a figure (at most {@link #MAX_ROWS}), soonest departure deadline first. */
  List<CaseRow> cases(Figure figure, String value) {
    if (figure == Figure.TASKS_SOON || figure == Figure.TASKS_OVERDUE) {
      Instant now = clock.instant();
      List<OpenWork.DueTask> due = figure == Figure.TASKS_SOON
          ? openWork.dueBetween(now, now.plus(Duration.ofDays(7)), MAX_ROWS)
          : openWork.overdue(now, MAX_ROWS);
      Set<String> refs = new LinkedHashSet<>();
      due.forEach(t -> {
        if (t.caseRef() != null) {
          refs.add(t.caseRef());
        }
      });
      if (refs.isEmpty()) {
        return List.of();
      }
      return rows(jdbc.sql(ROW + "f.case_ref IN (:refs) ORDER BY f.departure_deadline, f.case_ref")
          .param("refs", List.copyOf(refs)));
    }
    LocalDate today = calendar.today();
    var statement = jdbc.sql(ROW + figure.where + " ORDER BY f.departure_deadline, f.case_ref");
    if (figure.where.contains(":today")) {
      statement = statement.param("today", today);
    }
    if (figure.where.contains(":inAWeek")) {
      statement = statement.param("inAWeek", today.plusDays(7));
    }
    if (figure.needsValue()) {
      statement = statement.param("value", value);
    }
    return rows(statement);
  }

  /** Every open case with who holds it. */
  List<CaseRow> openCases() {
    return cases(Figure.OPEN, null);
  }

  /** Whether figures count cases deleted after the retention period (which no list can show). */
  long deletedCases() {
    return jdbc.sql("SELECT count(*) FROM case_statistics s WHERE NOT EXISTS"
        + " (SELECT 1 FROM case_file f WHERE f.stats_id = s.stats_id)").query(Long.class).single();
  }

  private List<CaseRow> rows(JdbcClient.StatementSpec statement) {
    record Found(String caseRef, CasePhase phase, String country, LocalDate deadline, String partnerGroup) {
    }
    List<Found> found = statement.query((rs, n) -> new Found(rs.getString(1), CasePhase.valueOf(rs.getString(2)),
        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    List<CaseRow> rows = new ArrayList<>();
    for (Found f : found.subList(0, Math.min(found.size(), MAX_ROWS))) {
      List<Holding> holdings = new ArrayList<>();
      if (f.phase() != CasePhase.CLOSED) {
        Map<String, String> routing = new HashMap<>();
        routing.put("partnerGroup", f.partnerGroup());
        Object body = workflow.latestValues(f.caseRef(), List.of("identifyingBody")).get("identifyingBody");
        routing.put("identifyingBody", body == null ? null : body.toString());
        workflow.openTasks(f.caseRef(), routing).forEach(t -> holdings.add(new Holding(t.key(), t.name(), t.groups(),
            t.assignee(), t.due())));
      }
      rows.add(new CaseRow(f.caseRef(), f.phase(), f.country(), f.deadline(), holdings));
    }
    return rows;
  }

  /**
   * The last {@link #QUARTERS} quarters up to today's: referrals (by referral date), acceptances (the
   * quarter the case entered preparation), drop-outs and completed journeys (the quarter the case
   * closed). Cases deleted after the retention period count with their statistics row's quarters of
   * referral and closure; their acceptances are not dated and are left out.
   */
  List<Quarter> trend() {
    ZoneId zone = calendar.zone();
    LocalDate today = calendar.today();
    int currentIndex = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
    int first = currentIndex - QUARTERS + 1;
    long[][] counts = new long[QUARTERS][4];
    jdbc.sql("SELECT referral_date FROM case_file WHERE pseudonymised_at IS NULL")
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list()
        .forEach(day -> count(counts, index(day) - first, 0));
    jdbc.sql("SELECT referral_year, referral_quarter FROM case_statistics s WHERE referral_quarter IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM case_file f WHERE f.stats_id = s.stats_id)")
        .query((rs, n) -> rs.getInt(1) * 4 + rs.getInt(2) - 1).list()
        .forEach(i -> count(counts, i - first, 0));
    jdbc.sql("SELECT min(h.entered_at) FROM case_phase_history h JOIN case_file f ON f.case_ref = h.case_ref"
            + " WHERE f.pseudonymised_at IS NULL AND f.offer_decision = 'ACCEPTED' AND h.phase = 'PREPARATION'"
            + " GROUP BY h.case_ref")
        .query((rs, n) -> rs.getTimestamp(1)).list()
        .forEach(at -> count(counts, index(at.toInstant().atZone(zone).toLocalDate()) - first, 1));
    String dropOut = "(outcome = 'DROPPED_OUT' OR (offer_decision = 'ACCEPTED' AND exit_reason IS NOT NULL AND %s))";
    jdbc.sql("SELECT closed_at, CASE WHEN " + dropOut.formatted("departure_date IS NULL") + " THEN 1 ELSE 0 END,"
            + " CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END FROM case_file"
            + " WHERE pseudonymised_at IS NULL AND closed_at IS NOT NULL")
        .query((rs, n) -> {
          int i = index(rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate()) - first;
          if (rs.getInt(2) == 1) {
            count(counts, i, 2);
          }
          if (rs.getInt(3) == 1) {
            count(counts, i, 3);
          }
          return null;
        }).list();
    jdbc.sql("SELECT closed_year * 4 + closed_quarter - 1, CASE WHEN " + dropOut.formatted("NOT departed")
            + " THEN 1 ELSE 0 END, CASE WHEN outcome = 'COMPLETED' THEN 1 ELSE 0 END FROM case_statistics s"
            + " WHERE closed_quarter IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_file f WHERE f.stats_id = s.stats_id)")
        .query((rs, n) -> {
          int i = rs.getInt(1) - first;
          if (rs.getInt(2) == 1) {
            count(counts, i, 2);
          }
          if (rs.getInt(3) == 1) {
            count(counts, i, 3);
          }
          return null;
        }).list();
    List<Quarter> quarters = new ArrayList<>();
    for (int i = 0; i < QUARTERS; i++) {
      int index = first + i;
      quarters.add(new Quarter(index / 4, index % 4 + 1, counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
    }
    return quarters;
  }

  private static int index(LocalDate day) {
    return day.getYear() * 4 + (day.getMonthValue() - 1) / 3;
  }

  private static void count(long[][] counts, int quarter, int series) {
    if (quarter >= 0 && quarter < counts.length) {
      counts[quarter][series]++;
    }
  }

  private static <E extends Enum<E>> boolean isOf(Class<E> type, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
