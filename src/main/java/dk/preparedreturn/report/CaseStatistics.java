package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CaseClosed;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.casefile.CaseFileRepository.PhasePeriod;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.casefile.PersonData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes the statistics row of a case when it closes, in the closing transaction: generalised
 * attributes only (year of referral, age band), no name, no date of birth, no case reference. The
 * case record links to the row until the retention job removes the personal data; from then on
 * the row is anonymous and the figures survive.
 */
@Service
public class CaseStatistics {

  private final JdbcClient jdbc;
  private final CaseFileRepository cases;

  CaseStatistics(JdbcClient jdbc, CaseFileRepository cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  @EventListener
  void closed(CaseClosed event) {
    CaseFile c = cases.require(event.caseRef());
    PersonData person = cases.person(c.caseRef()).orElse(null);
    Map<CasePhase, Long> days = new EnumMap<>(CasePhase.class);
    for (PhasePeriod period : cases.phaseHistory(c.caseRef())) {
      if (period.leftAt() != null) {
        days.merge(period.phase(), Duration.between(period.enteredAt(), period.leftAt()).toDays(), Long::sum);
      }
    }
    Integer supportMonths = jdbc.sql("SELECT count(DISTINCT support_month) FROM case_payment WHERE case_ref = ?")
        .param(c.caseRef()).query(Integer.class).single();
    String statsId = UUID.randomUUID().toString();
    jdbc.sql("INSERT INTO case_statistics (stats_id, referral_year, referring_organisation, residence_status,"
            + " country_of_return, gender, age_band, nationality, exploitation_type, offer_decision, outcome, exit_reason,"
            + " departed, support_months, days_identification, days_reflection, days_preparation, days_travel,"
            + " days_reintegration, closed_year) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(statsId, c.referralDate().getYear(), c.referringOrganisation(), c.residenceStatus(),
            c.countryOfReturn(), person == null ? null : person.gender(),
            person == null ? null : ageBand(person.dateOfBirth(), c.referralDate()),
            person == null ? null : person.nationality(), person == null ? null : person.exploitationType(),
            c.offerDecision(), event.outcome().name(), c.exitReason(), c.departureDate() != null,
            supportMonths, days(days, CasePhase.IDENTIFICATION), days(days, CasePhase.REFLECTION),
            days(days, CasePhase.PREPARATION), days(days, CasePhase.TRAVEL), days(days, CasePhase.REINTEGRATION),
            c.closedAt().atOffset(ZoneOffset.UTC).getYear())
        .update();
    jdbc.sql("UPDATE case_file SET stats_id = ? WHERE case_ref = ?").params(statsId, c.caseRef()).update();
  }

  /** Age at referral in bands wide enough not to single anyone out. */
  static String ageBand(LocalDate dateOfBirth, LocalDate at) {
    if (dateOfBirth == null) {
      return null;
    }
    int age = Period.between(dateOfBirth, at).getYears();
    return age < 18 ? "0-17" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 45 ? "35-44" : "45+";
  }

  private static Integer days(Map<CasePhase, Long> days, CasePhase phase) {
    Long value = days.get(phase);
    return value == null ? null : value.intValue();
  }
}
