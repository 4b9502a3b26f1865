package dk.preparedreturn.casefile;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case module's storage (Spring JDBC; the same SQL on PostgreSQL and H2), reached only through
 * {@link CaseService}. Within a transaction a case is read once and written once: the first read
 * is kept for the rest of the transaction, and every change is written in one UPDATE (with its
 * phase history) just before the transaction commits, so a step that changes a case several times
 * (a completion that records a decision and moves the phase, say) costs one round trip, not several.
 * Outside a transaction changes are written at once.
 */
@Repository
class CaseRecords {

  static final String COLUMNS = "case_ref, referrer_reference, referring_organisation, residence_status,"
      + " country_of_return, partner_group, referral_date, identification_date, period_type, departure_deadline,"
      + " max_deadline, planned_departure_date, departure_date, arrival_date, offer_decision, contact_person, phase,"
      + " phase_since, outcome, exit_reason, closed_at, process_instance_id, created_at, created_by, extension_ground, consent_date,"
      + " minor, accompanying_children, return_safety, not_safe_follow_up,"
      + " home_country, return_region, residence_evidence, residence_valid_until, country_chosen_on";
  /** Letters and digits that cannot be mistaken for each other when read aloud or copied (no 0/O, 1/I/L). */
  static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  CaseRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new case reference: FH-[year]-[six random characters], e.g. FH-2026-7KQ3MZ. Random, not
   * sequential: a reference says nothing about how many cases there are and cannot be guessed from
   * another one. Unused references are checked (a clash, one in a billion per year, draws again).
   */
  String newCaseRef(Year year) {
    while (true) {
      StringBuilder reference = new StringBuilder("FH-").append(year.getValue()).append('-');
      for (int i = 0; i < 6; i++) {
        reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
      }
      String candidate = reference.toString();
      if (jdbc.sql("SELECT count(*) FROM case_file WHERE case_ref = ?").param(candidate).query(Long.class).single()
          == 0) {
        return candidate;
      }
    }
  }

  void insert(CaseFile c, String fingerprint, PersonData person) {
    jdbc.sql("INSERT INTO case_file (case_ref, referrer_reference, referring_organisation, referral_fingerprint,"
            + " residence_status, country_of_return, partner_group, referral_date, phase, phase_since, created_at,"
            + " created_by, minor, home_country) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(c.caseRef(), c.referrerReference(), c.referringOrganisation(), fingerprint, c.residenceStatus(),
            c.countryOfReturn(), c.partnerGroup(), c.referralDate(), c.phase().name(), ts(c.phaseSince()),
            ts(c.createdAt()), c.createdBy(), c.minor(), c.homeCountry())
        .update();
    jdbc.sql("INSERT INTO case_person (case_ref, full_name, date_of_birth, nationality, gender, exploitation_type,"
            + " has_children, number_of_children, preferred_language) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(c.caseRef(), person.fullName(), person.dateOfBirth(), person.nationality(), person.gender(),
            person.exploitationType(), person.hasChildren(), person.numberOfChildren(), person.preferredLanguage())
        .update();
    jdbc.sql("INSERT INTO case_phase_history (case_ref, phase, entered_at) VALUES (?,?,?)")
        .params(c.caseRef(), c.phase().name(), ts(c.phaseSince())).update();
    UnitOfWork work = work();
    if (work != null) {
      work.loaded.put(c.caseRef(), c);
    }
  }

  Optional<CaseFile> find(String caseRef) {
    UnitOfWork work = work();
    if (work != null && work.loaded.containsKey(caseRef)) {
      return Optional.of(work.loaded.get(caseRef));
    }
    Optional<CaseFile> found = jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE case_ref = ?").param(caseRef)
        .query(CaseRecords::caseFile).optional();
    if (work != null) {
      found.ifPresent(c -> work.loaded.put(caseRef, c));
    }
    return found;
  }

  Optional<CaseFile> findByReferrer(String organisation, String referrerReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE referring_organisation = ? AND referrer_reference = ?")
        .params(organisation, referrerReference).query(CaseRecords::caseFile).optional();
  }

  Optional<String> fingerprint(String caseRef) {
    return jdbc.sql("SELECT referral_fingerprint FROM case_file WHERE case_ref = ?").param(caseRef)
        .query(String.class).optional();
  }

  Optional<PersonData> person(String caseRef) {
    return jdbc.sql("SELECT full_name, date_of_birth, nationality, gender, exploitation_type, has_children,"
            + " number_of_children, preferred_language FROM case_person WHERE case_ref = ?").param(caseRef)
        .query((rs, n) -> new PersonData(rs.getString(1), date(rs, 2), rs.getString(3), rs.getString(4),
            rs.getString(5), (Boolean) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8)))
        .optional();
  }

  /** The case as it is after a change; written before the transaction commits (at once outside one). */
  void store(CaseFile before, CaseFile after) {
    UnitOfWork work = work();
    if (work == null) {
      write(before, after);
      return;
    }
    work.loaded.put(after.caseRef(), after);
    work.original.putIfAbsent(after.caseRef(), before);
  }

  void recordPayment(String caseRef, int month, String kind, String category, java.math.BigDecimal amount,
      String currency, String status, Instant at, String by) {
    jdbc.sql("INSERT INTO case_payment (case_ref, support_month, kind, category, amount, currency, status,"
            + " recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(caseRef, month, kind, category, amount, currency, status, ts(at), by).update();
  }

  /** A claim decision with DRC's reason for approving it beyond the budget (null within it). */
  void recordClaimDecision(String caseRef, int month, String category, java.math.BigDecimal amount, String currency,
      String status, String overBudgetReason, Instant at, String by) {
    jdbc.sql("INSERT INTO case_payment (case_ref, support_month, kind, category, amount, currency, status,"
            + " over_budget_reason, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?)")
        .params(caseRef, month, "CLAIM", category, amount, currency, status, overBudgetReason, ts(at), by).update();
  }

  /** The ledger of the case, or empty without a reintegration plan; one query. */
  Optional<Ledger> ledger(String caseRef) {
    return jdbc.sql("SELECT p.budget, p.child_budget,"
            + " (SELECT coalesce(sum(amount), 0) FROM case_payment WHERE case_ref = p.case_ref AND kind = 'CASH'),"
            + " (SELECT coalesce(sum(amount), 0) FROM case_payment WHERE case_ref = p.case_ref AND kind = 'CLAIM'),"
            + " (SELECT coalesce(sum(amount), 0) FROM case_payment WHERE case_ref = p.case_ref AND kind = 'CLAIM'"
            + "   AND status = 'APPROVED'),"
            + " (SELECT coalesce(sum(amount), 0) FROM case_payment WHERE case_ref = p.case_ref AND kind = 'CLAIM'"
            + "   AND status = 'REJECTED'),"
            + " (SELECT coalesce(sum(amount), 0) FROM case_payment WHERE case_ref = p.case_ref"
            + "   AND category LIKE 'CHILD\\_%' ESCAPE '\\' AND (kind = 'CASH' OR status = 'APPROVED'))"
            + " FROM case_plan p WHERE p.case_ref = ?").param(caseRef)
        .query((rs, n) -> new Ledger(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
        .optional();
  }

  void recordSustainability(String caseRef, String point, int economic, int social, int psychosocial,
      LocalDate ratedOn) {
    jdbc.sql("INSERT INTO case_sustainability (case_ref, point, economic, social, psychosocial, rated_on)"
            + " VALUES (?,?,?,?,?,?)")
        .params(caseRef, point, economic, social, psychosocial, ratedOn).update();
  }

  void recordPlan(String caseRef, ReintegrationPlan plan, Instant at, String by) {
    int updated = jdbc.sql("UPDATE case_plan SET budget = ?, child_budget = ?, monthly_cash = ?, recorded_at = ?,"
            + " recorded_by = ? WHERE case_ref = ?")
        .params(plan.budget(), plan.childBudget(), plan.monthlyCash(), ts(at), by, caseRef).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO case_plan (case_ref, budget, child_budget, monthly_cash, recorded_at, recorded_by)"
              + " VALUES (?,?,?,?,?,?)")
          .params(caseRef, plan.budget(), plan.childBudget(), plan.monthlyCash(), ts(at), by).update();
    }
  }

  Optional<ReintegrationPlan> plan(String caseRef) {
    return jdbc.sql("SELECT budget, child_budget, monthly_cash FROM case_plan WHERE case_ref = ?").param(caseRef)
        .query((rs, n) -> new ReintegrationPlan(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
        .optional();
  }

  List<PhasePeriod> phaseHistory(String caseRef) {
    UnitOfWork work = work();
    if (work != null) {
      work.beforeCommit(false);
    }
    return jdbc.sql("SELECT phase, entered_at, left_at FROM case_phase_history WHERE case_ref = ? ORDER BY id")
        .param(caseRef)
        .query((rs, n) -> new PhasePeriod(CasePhase.valueOf(rs.getString(1)), instant(rs, 2), instant(rs, 3)))
        .list();
  }

  /** One UPDATE of the case's changing columns, and its phase history when the phase changed. */
  private void write(CaseFile before, CaseFile after) {
    if (before.equals(after)) {
      return;
    }
    int rows = jdbc.sql("UPDATE case_file SET partner_group = ?, identification_date = ?, period_type = ?,"
            + " departure_deadline = ?, max_deadline = ?, planned_departure_date = ?, departure_date = ?, arrival_date = ?,"
            + " offer_decision = ?, contact_person = ?, phase = ?, phase_since = ?, outcome = ?, exit_reason = ?,"
            + " closed_at = ?, process_instance_id = ?, extension_ground = ?, consent_date = ?,"
            + " accompanying_children = ?, return_safety = ?, not_safe_follow_up = ?, country_of_return = ?,"
            + " return_region = ?, residence_evidence = ?, residence_valid_until = ?, country_chosen_on = ?"
            + " WHERE case_ref = ?")
        .params(after.partnerGroup(), after.identificationDate(), after.periodType(), after.departureDeadline(),
            after.maxDeadline(), after.plannedDepartureDate(), after.departureDate(), after.arrivalDate(),
            after.offerDecision(), after.contactPerson(), after.phase().name(), ts(after.phaseSince()),
            after.outcome() == null ? null : after.outcome().name(), after.exitReason(), ts(after.closedAt()),
            after.processInstanceId(), after.extensionGround(), after.consentDate(), after.accompanyingChildren(),
            after.returnSafety(), after.notSafeFollowUp(), after.countryOfReturn(), after.returnRegion(),
            after.residenceEvidence(), after.residenceValidUntil(), after.countryChosenOn(), after.caseRef())
        .update();
    if (rows != 1) {
      throw new CaseNotFound(after.caseRef());
    }
    if (before.phase() != after.phase()) {
      jdbc.sql("UPDATE case_phase_history SET left_at = ? WHERE case_ref = ? AND left_at IS NULL")
          .params(ts(after.phaseSince()), after.caseRef()).update();
      jdbc.sql("INSERT INTO case_phase_history (case_ref, phase, entered_at, left_at) VALUES (?,?,?,?)")
          .params(after.caseRef(), after.phase().name(), ts(after.phaseSince()),
              after.closed() ? ts(after.closedAt()) : null).update();
    }
  }

  /** The unit of work of the current transaction, or null outside one. */
  private UnitOfWork work() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    UnitOfWork work = (UnitOfWork) TransactionSynchronizationManager.getResource(this);
    if (work == null) {
      work = new UnitOfWork();
      TransactionSynchronizationManager.bindResource(this, work);
      TransactionSynchronizationManager.registerSynchronization(work);
    }
    return work;
  }

  /** The cases read and changed in the current transaction; written just before it commits. */
  private final class UnitOfWork implements TransactionSynchronization {

    final Map<String, CaseFile> loaded = new LinkedHashMap<>();
    final Map<String, CaseFile> original = new LinkedHashMap<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      for (String caseRef : new ArrayList<>(original.keySet())) {
        write(original.get(caseRef), loaded.get(caseRef));
      }
      original.clear();
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(CaseRecords.this);
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
    // the day as stored, not through java.sql.Date (whose conversion depends on the JVM's default zone)
    return rs.getObject(column, LocalDate.class);
  }

  static CaseFile caseFile(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new CaseFile(rs.getString("case_ref"), rs.getString("referrer_reference"),
        rs.getString("referring_organisation"), rs.getString("residence_status"), rs.getString("country_of_return"),
        rs.getString("partner_group"), date(rs, 7), date(rs, 8), rs.getString("period_type"), date(rs, 10),
        date(rs, 11), date(rs, 12), date(rs, 13), date(rs, 14), rs.getString("offer_decision"),
        rs.getString("contact_person"), CasePhase.valueOf(rs.getString("phase")), instant(rs, "phase_since"),
        outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("exit_reason"), instant(rs, "closed_at"),
        rs.getString("process_instance_id"), instant(rs, "created_at"), rs.getString("created_by"),
        rs.getString("extension_ground"), rs.getObject("consent_date", LocalDate.class), rs.getBoolean("minor"),
        (Integer) rs.getObject("accompanying_children"), rs.getString("return_safety"),
        rs.getString("not_safe_follow_up"), rs.getString("home_country"), rs.getString("return_region"),
        rs.getString("residence_evidence"), rs.getObject("residence_valid_until", LocalDate.class),
        rs.getObject("country_chosen_on", LocalDate.class));
  }
}
