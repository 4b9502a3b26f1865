package dk.preparedreturn.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case records in the service's own tables (Spring JDBC; same SQL on PostgreSQL and H2). */
@Repository
public class CaseFileRepository {

  private static final String COLUMNS = "case_ref, referrer_reference, referring_organisation, residence_status,"
      + " country_of_return, partner_group, referral_date, identification_date, period_type, departure_deadline,"
      + " max_deadline, planned_departure_date, departure_date, arrival_date, offer_decision, contact_person, phase,"
      + " phase_since, outcome, exit_reason, closed_at, process_instance_id, created_at, created_by";

  private final JdbcClient jdbc;

  public CaseFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Letters and digits that cannot be mistaken for each other when read aloud or copied (no 0/O, 1/I/L). */
  static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /**
   * A new case reference: FH-[year]-[six random characters], e.g. FH-2026-7KQ3MZ. Random, not
   * sequential: a reference says nothing about how many cases there are and cannot be guessed from
   * another one. Unused references are checked (a clash, one in a billion per year, draws again).
   */
  public String nextCaseRef(Year year) {
    while (true) {
      StringBuilder reference = new StringBuilder("FH-").append(year.getValue()).append('-');
      for (int i = 0; i < 6; i++) {
        reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
      }
      String candidate = reference.toString();
      if (find(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  public void insert(CaseFile c, String fingerprint, PersonData person) {
    jdbc.sql("INSERT INTO case_file (case_ref, referrer_reference, referring_organisation, referral_fingerprint,"
            + " residence_status, country_of_return, partner_group, referral_date, phase, phase_since, created_at,"
            + " created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(c.caseRef(), c.referrerReference(), c.referringOrganisation(), fingerprint, c.residenceStatus(),
            c.countryOfReturn(), c.partnerGroup(), c.referralDate(), c.phase().name(), ts(c.phaseSince()),
            ts(c.createdAt()), c.createdBy())
        .update();
    jdbc.sql("INSERT INTO case_person (case_ref, full_name, date_of_birth, nationality, gender, exploitation_type,"
            + " has_children, number_of_children, preferred_language) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(c.caseRef(), person.fullName(), person.dateOfBirth(), person.nationality(), person.gender(),
            person.exploitationType(), person.hasChildren(), person.numberOfChildren(), person.preferredLanguage())
        .update();
    jdbc.sql("INSERT INTO case_phase_history (case_ref, phase, entered_at) VALUES (?,?,?)")
        .params(c.caseRef(), c.phase().name(), ts(c.phaseSince())).update();
  }

  public Optional<CaseFile> find(String caseRef) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE case_ref = ?").param(caseRef)
        .query(CaseFileRepository::caseFile).optional();
  }

  public CaseFile require(String caseRef) {
    return find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
  }

  public Optional<CaseFile> findByReferrer(String organisation, String referrerReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE referring_organisation = ? AND referrer_reference = ?")
        .params(organisation, referrerReference).query(CaseFileRepository::caseFile).optional();
  }

  public Optional<String> fingerprint(String caseRef) {
    return jdbc.sql("SELECT referral_fingerprint FROM case_file WHERE case_ref = ?").param(caseRef)
        .query(String.class).optional();
  }

  public Optional<PersonData> person(String caseRef) {
    return jdbc.sql("SELECT full_name, date_of_birth, nationality, gender, exploitation_type, has_children,"
            + " number_of_children, preferred_language FROM case_person WHERE case_ref = ?").param(caseRef)
        .query((rs, n) -> new PersonData(rs.getString(1), date(rs, 2), rs.getString(3), rs.getString(4),
            rs.getString(5), (Boolean) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8)))
        .optional();
  }

  public void setProcessInstance(String caseRef, String processInstanceId) {
    update("UPDATE case_file SET process_instance_id = ? WHERE case_ref = ?", processInstanceId, caseRef);
  }

  public void setIdentification(String caseRef, LocalDate identificationDate, String periodType,
      LocalDate departureDeadline, LocalDate maxDeadline) {
    update("UPDATE case_file SET identification_date = ?, period_type = ?, departure_deadline = ?, max_deadline = ?"
        + " WHERE case_ref = ?", identificationDate, periodType, departureDeadline, maxDeadline, caseRef);
  }

  public void setMaxDeadline(String caseRef, LocalDate maxDeadline) {
    update("UPDATE case_file SET max_deadline = ? WHERE case_ref = ?", maxDeadline, caseRef);
  }

  public void setDepartureDeadline(String caseRef, LocalDate departureDeadline) {
    update("UPDATE case_file SET departure_deadline = ? WHERE case_ref = ?", departureDeadline, caseRef);
  }

  public void setOfferDecision(String caseRef, String decision) {
    update("UPDATE case_file SET offer_decision = ? WHERE case_ref = ?", decision, caseRef);
  }

  public void setPlannedDeparture(String caseRef, LocalDate date) {
    update("UPDATE case_file SET planned_departure_date = ? WHERE case_ref = ?", date, caseRef);
  }

  public void setDeparture(String caseRef, LocalDate date) {
    update("UPDATE case_file SET departure_date = ? WHERE case_ref = ?", date, caseRef);
  }

  public void setArrival(String caseRef, LocalDate date) {
    update("UPDATE case_file SET arrival_date = ? WHERE case_ref = ?", date, caseRef);
  }

  public void setContactPerson(String caseRef, String userId) {
    update("UPDATE case_file SET contact_person = ? WHERE case_ref = ?", userId, caseRef);
  }

  public void setPartnerGroup(String caseRef, String partnerGroup) {
    update("UPDATE case_file SET partner_group = ? WHERE case_ref = ?", partnerGroup, caseRef);
  }

  public void setExitReason(String caseRef, String exitReason) {
    update("UPDATE case_file SET exit_reason = ? WHERE case_ref = ?", exitReason, caseRef);
  }

  /** Records that the case entered a phase (no-op when it is already in it). */
  public void enterPhase(String caseRef, CasePhase phase, Instant at) {
    int changed = jdbc.sql("UPDATE case_file SET phase = ?, phase_since = ? WHERE case_ref = ? AND phase <> ?")
        .params(phase.name(), ts(at), caseRef, phase.name()).update();
    if (changed == 1) {
      jdbc.sql("UPDATE case_phase_history SET left_at = ? WHERE case_ref = ? AND left_at IS NULL")
          .params(ts(at), caseRef).update();
      jdbc.sql("INSERT INTO case_phase_history (case_ref, phase, entered_at) VALUES (?,?,?)")
          .params(caseRef, phase.name(), ts(at)).update();
    }
  }

  public void close(String caseRef, CaseOutcome outcome, Instant at) {
    enterPhase(caseRef, CasePhase.CLOSED, at);
    update("UPDATE case_file SET outcome = ?, closed_at = ? WHERE case_ref = ?", outcome.name(), ts(at), caseRef);
    jdbc.sql("UPDATE case_phase_history SET left_at = ? WHERE case_ref = ? AND phase = 'CLOSED' AND left_at IS NULL")
        .params(ts(at), caseRef).update();
  }

  public void recordPayment(String caseRef, int month, String kind, String category, java.math.BigDecimal amount,
      String currency, String status, Instant at, String by) {
    jdbc.sql("INSERT INTO case_payment (case_ref, support_month, kind, category, amount, currency, status,"
            + " recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(caseRef, month, kind, category, amount, currency, status, ts(at), by).update();
  }

  public List<PhasePeriod> phaseHistory(String caseRef) {
    return jdbc.sql("SELECT phase, entered_at, left_at FROM case_phase_history WHERE case_ref = ? ORDER BY id")
        .param(caseRef)
        .query((rs, n) -> new PhasePeriod(CasePhase.valueOf(rs.getString(1)), instant(rs, 2), instant(rs, 3)))
        .list();
  }

  public record PhasePeriod(CasePhase phase, Instant enteredAt, Instant leftAt) {
  }

  private void update(String sql, Object... params) {
    int rows = jdbc.sql(sql).params(params).update();
    if (rows != 1) {
      throw new CaseNotFound(String.valueOf(params[params.length - 1]));
    }
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static LocalDate date(ResultSet rs, int column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  static CaseFile caseFile(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new CaseFile(rs.getString("case_ref"), rs.getString("referrer_reference"),
        rs.getString("referring_organisation"), rs.getString("residence_status"), rs.getString("country_of_return"),
        rs.getString("partner_group"), date(rs, 7), date(rs, 8), rs.getString("period_type"), date(rs, 10),
        date(rs, 11), date(rs, 12), date(rs, 13), date(rs, 14), rs.getString("offer_decision"),
        rs.getString("contact_person"), CasePhase.valueOf(rs.getString("phase")), instant(rs, "phase_since"),
        outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("exit_reason"), instant(rs, "closed_at"),
        rs.getString("process_instance_id"), instant(rs, "created_at"), rs.getString("created_by"));
  }
}
