package dk.preparedreturn.casefile;

import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Groups;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a case: by its reference (or the referring organisation's own reference) among the cases
 * the caller's organisation takes part in (managers and administrators: all cases, as they may open
 * every case page without the person), and for organisations that see the person's name and date of
 * birth also by those, in the cases they take part in. A search by name or date of birth shows the
 * name and date of birth of each hit, and each hit is written to the access log
 * ({@link AuditLog.Action#PERSON_SEARCH}); a search without hits is logged without a case. The
 * search text itself is logged nowhere.
 */
@Service
public class CaseSearch {

  /** How the text was understood. */
  public enum Kind { REFERENCE, NAME, DATE_OF_BIRTH }

  /** A case found: no person data unless the search was by name or date of birth. */
  public record Hit(String caseRef, String referrerReference, CasePhase phase, String countryOfReturn,
      LocalDate referralDate, String fullName, LocalDate dateOfBirth) {
  }

  /** The hits and how the text was read; {@code refused} when the caller may not search that way. */
  public record Result(Kind kind, List<Hit> hits, boolean refused, boolean more) {
  }

  public static final int MAX_LENGTH = 100;
  static final int MAX_HITS = 50;
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]*[0-9][A-Za-z0-9-]*");
  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d.M.uuuu"),
      DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);

  private final JdbcClient jdbc;
  private final AuditLog audit;

  public CaseSearch(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** How a search text is read: a date of birth, a case reference (has a digit), else a name. */
  public static Kind kindOf(String text) {
    return date(text).isPresent() ? Kind.DATE_OF_BIRTH : REFERENCE.matcher(text).matches() ? Kind.REFERENCE : Kind.NAME;
  }

  /** Whether the caller's organisations see names and dates of birth (managers and administrators do not). */
  public static boolean maySearchPersons(Caller caller) {
    return PersonDataAccess.visible(caller.groups()).containsAll(Set.of(PersonDataAccess.Field.fullName,
        PersonDataAccess.Field.dateOfBirth));
  }

  /** @param text trimmed, 1 to {@link #MAX_LENGTH} characters (the page checks) */
  @Transactional
  public Result search(String text, Caller caller) {
    Kind kind = kindOf(text);
    boolean everything = caller.in(Groups.MANAGERS) || caller.admin();
    List<String> groups = caller.groups().stream().filter(g -> !g.isBlank()).toList();
    if (kind == Kind.REFERENCE) {
      String like = "%" + escape(text.toUpperCase(Locale.ROOT)) + "%";
      String where = "(UPPER(f.case_ref) LIKE ? ESCAPE '!' OR UPPER(f.referrer_reference) LIKE ? ESCAPE '!')";
      List<Object> params = new ArrayList<>(List.of(like, like));
      if (!everything) {
        where += " AND " + participates(groups, params);
      }
      List<Hit> hits = jdbc.sql("SELECT f.case_ref, f.referrer_reference, f.phase, f.country_of_return, f.referral_date"
              + " FROM case_file f WHERE " + where + " ORDER BY f.referral_date DESC, f.case_ref")
          .params(params).query((rs, n) -> new Hit(rs.getString(1), rs.getString(2), CasePhase.valueOf(rs.getString(3)),
              rs.getString(4), rs.getObject(5, LocalDate.class), null, null))
          .list();
      return result(kind, hits);
    }
    if (!maySearchPersons(caller)) {
      return new Result(kind, List.of(), true, false);
    }
    List<Object> params = new ArrayList<>();
    String criterion;
    if (kind == Kind.DATE_OF_BIRTH) {
      criterion = "p.date_of_birth = ?";
      params.add(date(text).orElseThrow());
    } else {
      criterion = "LOWER(p.full_name) LIKE ? ESCAPE '!'";
      params.add("%" + escape(text.toLowerCase(Locale.ROOT)) + "%");
    }
    // only the organisations that see both fields in the cases they take part in
    List<String> seeing = groups.stream().filter(g -> PersonDataAccess.visible(List.of(g))
        .containsAll(Set.of(PersonDataAccess.Field.fullName, PersonDataAccess.Field.dateOfBirth))).toList();
    String where = criterion + " AND f.pseudonymised_at IS NULL AND " + participates(seeing, params);
    List<Hit> hits = jdbc.sql("SELECT f.case_ref, f.referrer_reference, f.phase, f.country_of_return, f.referral_date,"
            + " p.full_name, p.date_of_birth FROM case_file f JOIN case_person p ON p.case_ref = f.case_ref WHERE " + where
            + " ORDER BY p.full_name, f.referral_date DESC")
        .params(params).query((rs, n) -> new Hit(rs.getString(1), rs.getString(2), CasePhase.valueOf(rs.getString(3)),
            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDate.class)))
        .list();
    Result result = result(kind, hits);
    String searchedBy = "searchedBy=" + (kind == Kind.NAME ? "fullName" : "dateOfBirth");
    if (result.hits().isEmpty()) {
      audit.record(caller.userId(), caller.groups(), AuditLog.Action.PERSON_SEARCH, null, List.of(searchedBy));
    }
    for (Hit hit : result.hits()) {
      audit.record(caller.userId(), caller.groups(), AuditLog.Action.PERSON_SEARCH, hit.caseRef(),
          List.of(searchedBy, "fullName", "dateOfBirth"));
    }
    return result;
  }

  private static Result result(Kind kind, List<Hit> hits) {
    Map<String, Hit> distinct = new LinkedHashMap<>();
    hits.forEach(h -> distinct.putIfAbsent(h.caseRef(), h));
    List<Hit> all = List.copyOf(distinct.values());
    return new Result(kind, all.size() > MAX_HITS ? all.subList(0, MAX_HITS) : all, false, all.size() > MAX_HITS);
  }

  private static String participates(List<String> groups, List<Object> params) {
    if (groups.isEmpty()) {
      return "1 = 0";
    }
    params.addAll(groups);
    return "EXISTS (SELECT 1 FROM case_participant cp WHERE cp.case_ref = f.case_ref AND cp.group_id IN ("
        + String.join(",", groups.stream().map(g -> "?").toList()) + "))";
  }

  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  static Optional<LocalDate> date(String text) {
    for (DateTimeFormatter format : DATES) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return Optional.empty();
  }
}
