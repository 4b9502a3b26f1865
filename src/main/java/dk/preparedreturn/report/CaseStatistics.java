package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CaseClosed;
import dk.preparedreturn.casefile.CaseReopened;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.PhasePeriod;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.casefile.PersonData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes the statistics row of a case when it closes, in the closing transaction. The row holds
 * generalised values only: year and quarter of referral and of closure (no dates), the age band at
 * referral (no date of birth), the whole weeks spent in each phase (no exact durations), and no
 * case reference. Until the retention job deletes the case, the case record points to the row
 * ({@code case_file.stats_id}), so the reports count each case once; afterwards nothing refers to it
 * and nothing of the case is left to match it against (see {@code RetentionJob}).
 */
@Service
public class CaseStatistics {

  /** The phases whose time is kept, with their column. */
  static final Map<CasePhase, String> WEEK_COLUMNS = weekColumns();

  private final JdbcClient jdbc;
  private final CaseService cases;
  private final ZoneId zone;

  CaseStatistics(JdbcClient jdbc, CaseService cases, @Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.zone = zone;
  }

  private static Map<CasePhase, String> weekColumns() {
    Map<CasePhase, String> columns = new EnumMap<>(CasePhase.class);
    for (CasePhase phase : CasePhase.values()) {
      if (phase != CasePhase.CLOSED) {
        columns.put(phase, "weeks_" + phase.name().toLowerCase());
      }
    }
    return columns;
  }

  @EventListener
  void closed(CaseClosed event) {
    CaseFile c = cases.require(event.caseRef());
    PersonData person = cases.person(c.caseRef()).orElse(null);
    Map<CasePhase, Integer> weeks = weeksPerPhase(cases.phaseHistory(c.caseRef()));
    Integer supportMonths = jdbc.sql("SELECT count(DISTINCT support_month) FROM case_payment WHERE case_ref = ?")
        .param(c.caseRef()).query(Integer.class).single();
    LocalDate closedOn = c.closedAt().atZone(zone).toLocalDate();
    String statsId = UUID.randomUUID().toString();
    List<String> columns = new ArrayList<>(List.of("stats_id", "referral_year", "referral_quarter",
        "referring_organisation", "residence_status", "country_of_return", "gender", "age_band", "nationality",
        "exploitation_type", "offer_decision", "outcome", "exit_reason", "departed", "support_months", "closed_year",
        "closed_quarter"));
    List<Object> values = new ArrayList<>(List.of(statsId, c.referralDate().getYear(), quarter(c.referralDate()),
        c.referringOrganisation(), c.residenceStatus(), c.countryOfReturn()));
    values.add(person == null ? null : person.gender());
    values.add(person == null ? null : ageBand(person.dateOfBirth(), c.referralDate()));
    values.add(person == null ? null : person.nationality());
    values.add(person == null ? null : person.exploitationType());
    values.add(c.offerDecision());
    values.add(event.outcome().name());
    values.add(c.exitReason());
    values.add(c.departureDate() != null);
    values.add(supportMonths);
    values.add(closedOn.getYear());
    values.add(quarter(closedOn));
    WEEK_COLUMNS.forEach((phase, column) -> {
      columns.add(column);
      values.add(weeks.get(phase));
    });
    sustainabilityChange(c.caseRef(), columns, values);
    jdbc.sql("INSERT INTO case_statistics (" + String.join(", ", columns) + ") VALUES ("
            + String.join(",", columns.stream().map(x -> "?").toList()) + ")")
        .params(values).update();
    jdbc.sql("UPDATE case_file SET stats_id = ? WHERE case_ref = ?").params(statsId, c.caseRef()).update();
  }

  /**
   * A reopened case is no longer a closed journey: its statistics row goes (the case record names it
   * while the case exists); it gets a new one when it closes again.
   */
  @EventListener
  void reopened(CaseReopened event) {
    jdbc.sql("DELETE FROM case_statistics WHERE stats_id = (SELECT stats_id FROM case_file WHERE case_ref = ?)")
        .param(event.caseRef()).update();
    jdbc.sql("UPDATE case_file SET stats_id = NULL WHERE case_ref = ?").param(event.caseRef()).update();
  }

  /**
   * The change of the sustainability ratings from arrival to month 12 per dimension, with the year and
   * quarter of the month-12 rating: only when both ratings exist; never the ratings themselves.
   */
  private void sustainabilityChange(String caseRef, List<String> columns, List<Object> values) {
    Map<String, int[]> ratings = new java.util.HashMap<>();
    Map<String, LocalDate> ratedOn = new java.util.HashMap<>();
    jdbc.sql("SELECT point, economic, social, psychosocial, rated_on FROM case_sustainability WHERE case_ref = ?")
        .param(caseRef).query(rs -> {
          ratings.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
          ratedOn.put(rs.getString(1), rs.getObject(5, LocalDate.class));
        });
    int[] arrival = ratings.get(CaseService.ARRIVAL);
    int[] month12 = ratings.get(CaseService.MONTH_12);
    if (arrival == null || month12 == null) {
      return;
    }
    LocalDate on = ratedOn.get(CaseService.MONTH_12);
    columns.addAll(List.of("rss_year", "rss_quarter", "rss_economic_change", "rss_social_change",
        "rss_psychosocial_change"));
    values.addAll(List.of(on.getYear(), quarter(on), month12[0] - arrival[0], month12[1] - arrival[1],
        month12[2] - arrival[2]));
  }

  /**
   * Whole weeks (rounded down) a case spent in each phase it left, over all its stays in the phase;
   * a phase the case never left is absent.
   */
  static Map<CasePhase, Integer> weeksPerPhase(List<PhasePeriod> history) {
    Map<CasePhase, Long> minutes = new EnumMap<>(CasePhase.class);
    for (PhasePeriod period : history) {
      if (period.leftAt() != null && period.phase() != CasePhase.CLOSED) {
        minutes.merge(period.phase(), Duration.between(period.enteredAt(), period.leftAt()).toMinutes(), Long::sum);
      }
    }
    Map<CasePhase, Integer> weeks = new EnumMap<>(CasePhase.class);
    minutes.forEach((phase, m) -> weeks.put(phase, (int) (m / (7 * 24 * 60))));
    return weeks;
  }

  static int quarter(LocalDate date) {
    return (date.getMonthValue() - 1) / 3 + 1;
  }

  /** Age at referral in bands wide enough not to single anyone out. */
  static String ageBand(LocalDate dateOfBirth, LocalDate at) {
    if (dateOfBirth == null) {
      return null;
    }
    int age = Period.between(dateOfBirth, at).getYears();
    return age < 18 ? "0-17" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 45 ? "35-44" : "45+";
  }
}
