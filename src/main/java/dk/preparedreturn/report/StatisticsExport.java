package dk.preparedreturn.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The research export: one CSV row per closed case, from the statistics rows, k-anonymous over
 * <em>every</em> released column: any combination of released values is shared by at least k rows.
 *
 * <p>Every column has a generalisation hierarchy (quarter, year, "*"; age bands 18-24 ... then
 * 18-34 ... then "*"; weeks per phase in bands 0-1, 2-4, 5-12, 13-26, 27-52, 53+ then 0-4, 5-26, 27+
 * then "*"; other values then "*"). Starting with the finest level, the column with the most
 * distinct values is generalised one level for all rows (global recoding, Sweeney's Datafly
 * heuristic) until the rows in classes smaller than k are at most the suppression budget (5 % of the
 * rows, at least k); those rows are then left out. Column names follow the Human Trafficking Case
 * Data Standard (HTCDS, {@code prs_}, {@code vic_}, {@code cas_}) where a field fits, with its
 * picklist values; the other columns have project names (README, "Research export"). k-anonymity
 * does not protect against every inference (e.g. a class whose members share one exploitation
 * type); the export is for research under an agreement, not for publication.
 */
@Service
public class StatisticsExport {

  /** The result; {@code levels} names the generalisation level used per column (0 = finest). */
  public record Export(String csv, int rows, int suppressed, Map<String, Integer> levels) {
  }

  static final String[] PHASES = {"referral", "identification", "reflection", "preparation", "travel",
      "reintegration", "suspended", "handover"};
  static final Map<String, String> ORGANISATION_TYPES = Map.of("politi", "LawEnforcement",
      "udlaendingestyrelsen", "ImmigrationService", "cmm", "CentralGovernmentOrganisation");
  static final Map<String, String> GENDERS = Map.of("FEMALE", "Female", "MALE", "Male", "OTHER",
      "Transgender/NonConforming", "UNKNOWN", "Unknown");
  /** HTCDS vic_TypeOfExploitation: begging, domestic servitude and forced criminality are labour exploitation. */
  static final Map<String, String> EXPLOITATION_TYPES = Map.of("SEXUAL", "SexualExploitation",
      "LABOUR", "ForcedLabour", "BEGGING", "ForcedLabour", "DOMESTIC_SERVITUDE", "ForcedLabour",
      "CRIMINALITY", "ForcedLabour", "ORGAN_REMOVAL", "Other", "OTHER", "Other");

  /** The released columns in CSV order, each with its generalisation steps after level 0. */
  static final Map<String, List<UnaryOperator<String>>> HIERARCHIES = hierarchies();

  /** Which column is generalised first when several have equally many distinct values. */
  static final List<String> TIE_ORDER = tieOrder();

  private final JdbcClient jdbc;

  StatisticsExport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Map<String, List<UnaryOperator<String>>> hierarchies() {
    UnaryOperator<String> star = v -> "*";
    UnaryOperator<String> year = v -> v.isEmpty() ? v : v.substring(0, 4);
    Map<String, List<UnaryOperator<String>>> h = new LinkedHashMap<>();
    h.put("cas_IncomingReferralDate", List.of(year, star));
    h.put("cas_ReferringOrganisation", List.of(star));
    h.put("residence_status", List.of(star));
    h.put("country_of_return", List.of(star));
    h.put("prs_Gender", List.of(star));
    h.put("age_band_at_referral", List.of(StatisticsExport::widerAgeBand, star));
    h.put("prs_Nationality", List.of(star));
    h.put("vic_TypeOfExploitation", List.of(star));
    h.put("offer_decision", List.of(star));
    h.put("cas_Status", List.of(star));
    h.put("cas_ReasonForCaseClosure", List.of(star));
    h.put("exit_reason", List.of(star));
    h.put("departed", List.of(star));
    h.put("support_months", List.of(StatisticsExport::widerSupportMonths, star));
    for (String phase : PHASES) {
      h.put("weeks_in_" + phase, List.of(StatisticsExport::widerWeeks, star));
    }
    h.put("closed_period", List.of(year, star));
    return h;
  }

  private static List<String> tieOrder() {
    List<String> order = new ArrayList<>(List.of("prs_Nationality", "age_band_at_referral", "cas_IncomingReferralDate",
        "closed_period", "support_months"));
    for (String phase : PHASES) {
      order.add("weeks_in_" + phase);
    }
    order.addAll(List.of("cas_ReferringOrganisation", "residence_status", "exit_reason", "prs_Gender",
        "offer_decision", "vic_TypeOfExploitation", "departed", "cas_ReasonForCaseClosure", "country_of_return",
        "cas_Status"));
    return order;
  }

  public Export export(int k) {
    StringBuilder select = new StringBuilder("SELECT referral_year, referral_quarter, referring_organisation,"
        + " residence_status, country_of_return, gender, age_band, nationality, exploitation_type, offer_decision,"
        + " outcome, exit_reason, departed, support_months, closed_year, closed_quarter");
    for (String phase : PHASES) {
      select.append(", weeks_").append(phase);
    }
    List<Map<String, String>> rows = jdbc.sql(select + " FROM case_statistics ORDER BY stats_id")
        .query((rs, n) -> {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("cas_IncomingReferralDate", period(rs.getInt("referral_year"), (Integer) rs.getObject("referral_quarter")));
          row.put("cas_ReferringOrganisation", ORGANISATION_TYPES.getOrDefault(rs.getString("referring_organisation"),
              "Other"));
          row.put("residence_status", rs.getString("residence_status"));
          row.put("country_of_return", rs.getString("country_of_return"));
          row.put("prs_Gender", GENDERS.getOrDefault(String.valueOf(rs.getString("gender")), "Unknown"));
          row.put("age_band_at_referral", value(rs.getString("age_band")));
          row.put("prs_Nationality", value(rs.getString("nationality")));
          row.put("vic_TypeOfExploitation", EXPLOITATION_TYPES.getOrDefault(String.valueOf(
              rs.getString("exploitation_type")), ""));
          row.put("offer_decision", value(rs.getString("offer_decision")));
          row.put("cas_Status", "Closed");
          row.put("cas_ReasonForCaseClosure", rs.getString("outcome"));
          row.put("exit_reason", value(rs.getString("exit_reason")));
          row.put("departed", String.valueOf(rs.getBoolean("departed")));
          row.put("support_months", supportMonths((Integer) rs.getObject("support_months")));
          for (String phase : PHASES) {
            row.put("weeks_in_" + phase, weeks((Integer) rs.getObject("weeks_" + phase)));
          }
          row.put("closed_period", period(rs.getInt("closed_year"), (Integer) rs.getObject("closed_quarter")));
          return row;
        }).list();
    return anonymise(rows, k);
  }

  /** Makes the rows k-anonymous over all columns (see the class comment); rows are maps column -> value. */
  static Export anonymise(List<Map<String, String>> rows, int k) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    HIERARCHIES.keySet().forEach(column -> levels.put(column, 0));
    int budget = Math.max(k, rows.size() / 20);
    List<Map<String, String>> current = generalise(rows, levels);
    while (true) {
      Map<String, Long> sizes = classSizes(current);
      long outliers = current.stream().filter(row -> sizes.get(key(row)) < k).count();
      if (outliers <= budget) {
        break;
      }
      String column = mostDistinct(current, levels);
      if (column == null) {
        break;
      }
      levels.merge(column, 1, Integer::sum);
      current = generalise(rows, levels);
    }
    Map<String, Long> sizes = classSizes(current);
    List<Map<String, String>> released = current.stream().filter(row -> sizes.get(key(row)) >= k).toList();
    StringBuilder csv = new StringBuilder(String.join(",", HIERARCHIES.keySet())).append('\n');
    for (Map<String, String> row : released) {
      csv.append(HIERARCHIES.keySet().stream().map(c -> csvValue(row.get(c))).collect(Collectors.joining(",")))
          .append('\n');
    }
    return new Export(csv.toString(), released.size(), rows.size() - released.size(), levels);
  }

  private static List<Map<String, String>> generalise(List<Map<String, String>> rows, Map<String, Integer> levels) {
    List<Map<String, String>> result = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) {
      Map<String, String> generalised = new LinkedHashMap<>();
      HIERARCHIES.forEach((column, steps) -> {
        String value = value(row.get(column));
        for (int i = 0; i < levels.get(column); i++) {
          value = steps.get(i).apply(value);
        }
        generalised.put(column, value);
      });
      result.add(generalised);
    }
    return result;
  }

  /** The column with the most distinct values that can still be generalised; null when none can. */
  private static String mostDistinct(List<Map<String, String>> rows, Map<String, Integer> levels) {
    String best = null;
    long bestCount = -1;
    for (String column : TIE_ORDER) {
      if (levels.get(column) >= HIERARCHIES.get(column).size()) {
        continue;
      }
      long distinct = rows.stream().map(row -> row.get(column)).distinct().count();
      if (distinct > bestCount) {
        best = column;
        bestCount = distinct;
      }
    }
    return best;
  }

  private static Map<String, Long> classSizes(List<Map<String, String>> rows) {
    Map<String, Long> sizes = new HashMap<>();
    rows.forEach(row -> sizes.merge(key(row), 1L, Long::sum));
    return sizes;
  }

  /** The combination of all released values of a row. */
  static String key(Map<String, String> row) {
    return HIERARCHIES.keySet().stream().map(row::get).collect(Collectors.joining("\u0000"));
  }

  static String period(int year, Integer quarter) {
    return quarter == null ? String.valueOf(year) : year + "-Q" + quarter;
  }

  static String supportMonths(Integer months) {
    if (months == null) {
      return "";
    }
    return months == 0 ? "0" : months <= 3 ? "1-3" : months <= 6 ? "4-6" : months <= 11 ? "7-11" : "12";
  }

  static String widerSupportMonths(String band) {
    return switch (band) {
      case "1-3", "4-6", "7-11" -> "1-11";
      default -> band;
    };
  }

  static String weeks(Integer weeks) {
    if (weeks == null) {
      return "";
    }
    return weeks <= 1 ? "0-1" : weeks <= 4 ? "2-4" : weeks <= 12 ? "5-12" : weeks <= 26 ? "13-26"
        : weeks <= 52 ? "27-52" : "53+";
  }

  static String widerWeeks(String band) {
    return switch (band) {
      case "0-1", "2-4" -> "0-4";
      case "5-12", "13-26" -> "5-26";
      case "27-52", "53+" -> "27+";
      default -> band;
    };
  }

  static String widerAgeBand(String band) {
    return switch (band) {
      case "18-24", "25-34" -> "18-34";
      case "35-44", "45+" -> "35+";
      default -> band;
    };
  }

  private static String value(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String csvValue(String value) {
    if (value == null) {
      return "";
    }
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
