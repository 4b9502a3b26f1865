package dk.preparedreturn.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The research export: one CSV row per closed case from the anonymous statistics rows, made
 * k-anonymous over the quasi-identifiers (year of referral, gender, age band, nationality, country
 * of return). Rows whose combination is shared by fewer than k rows are generalised step by step
 * (nationality, then age band, then year, then gender become "*"); rows still alone are left out.
 * Column names follow the Human Trafficking Case Data Standard (HTCDS) where a field fits. Note
 * that k-anonymity does not protect against every inference (e.g. a group whose members all share
 * one exploitation type); the export is for research under an agreement, not for publication.
 */
@Service
public class StatisticsExport {

  public record Export(String csv, int rows, int generalised, int suppressed) {
  }

  static final List<String> COLUMNS = List.of("cas_IncomingReferralDate", "cas_ReferringOrganisation",
      "residence_status", "country_of_return", "prs_Gender", "age_band", "prs_Nationality", "exploitation_type",
      "offer_decision", "cas_Status", "outcome", "exit_reason", "departed", "support_months", "days_identification",
      "days_reflection", "days_preparation", "days_travel", "days_reintegration", "closed_year");
  /** Quasi-identifiers, in the order they are generalised to "*". */
  static final List<String> GENERALISE = List.of("prs_Nationality", "age_band", "cas_IncomingReferralDate",
      "prs_Gender");
  static final List<String> QUASI_IDENTIFIERS = List.of("cas_IncomingReferralDate", "prs_Gender", "age_band",
      "prs_Nationality", "country_of_return");
  static final Map<String, String> ORGANISATION_TYPES = Map.of("politi", "LawEnforcement",
      "udlaendingestyrelsen", "ImmigrationService", "cmm", "CentralGovernmentOrganisation");
  static final Map<String, String> GENDERS = Map.of("FEMALE", "Female", "MALE", "Male", "OTHER",
      "Transgender/NonConforming", "UNKNOWN", "Unknown");

  private final JdbcClient jdbc;

  StatisticsExport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Export export(int k) {
    List<Map<String, String>> rows = jdbc.sql("SELECT referral_year, referring_organisation, residence_status,"
            + " country_of_return, gender, age_band, nationality, exploitation_type, offer_decision, outcome, exit_reason,"
            + " departed, support_months, days_identification, days_reflection, days_preparation, days_travel,"
            + " days_reintegration, closed_year FROM case_statistics ORDER BY closed_year, referral_year, stats_id")
        .query((rs, n) -> {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("cas_IncomingReferralDate", String.valueOf(rs.getInt("referral_year")));
          row.put("cas_ReferringOrganisation", ORGANISATION_TYPES.getOrDefault(rs.getString("referring_organisation"),
              "Other"));
          row.put("residence_status", rs.getString("residence_status"));
          row.put("country_of_return", rs.getString("country_of_return"));
          row.put("prs_Gender", GENDERS.getOrDefault(String.valueOf(rs.getString("gender")), "Unknown"));
          row.put("age_band", value(rs.getString("age_band")));
          row.put("prs_Nationality", value(rs.getString("nationality")));
          row.put("exploitation_type", value(rs.getString("exploitation_type")));
          row.put("offer_decision", value(rs.getString("offer_decision")));
          row.put("cas_Status", "Closed");
          row.put("outcome", rs.getString("outcome"));
          row.put("exit_reason", value(rs.getString("exit_reason")));
          row.put("departed", String.valueOf(rs.getBoolean("departed")));
          row.put("support_months", value(rs.getObject("support_months")));
          for (String phase : List.of("identification", "reflection", "preparation", "travel", "reintegration")) {
            row.put("days_" + phase, value(rs.getObject("days_" + phase)));
          }
          row.put("closed_year", String.valueOf(rs.getInt("closed_year")));
          return row;
        }).list();

    List<Map<String, String>> released = new ArrayList<>();
    List<Map<String, String>> pending = rows;
    int generalised = 0;
    for (int level = 0; level <= GENERALISE.size() && !pending.isEmpty(); level++) {
      if (level > 0) {
        String attribute = GENERALISE.get(level - 1);
        pending.forEach(row -> row.put(attribute, "*"));
      }
      Map<String, Long> sizes = new HashMap<>();
      pending.forEach(row -> sizes.merge(key(row), 1L, Long::sum));
      List<Map<String, String>> rest = new ArrayList<>();
      for (Map<String, String> row : pending) {
        if (sizes.get(key(row)) >= k) {
          released.add(row);
          generalised += level > 0 ? 1 : 0;
        } else {
          rest.add(row);
        }
      }
      pending = rest;
    }
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, String> row : released) {
      csv.append(COLUMNS.stream().map(c -> csvValue(row.get(c))).collect(Collectors.joining(","))).append('\n');
    }
    return new Export(csv.toString(), released.size(), generalised, pending.size());
  }

  static String key(Map<String, String> row) {
    return QUASI_IDENTIFIERS.stream().map(row::get).collect(Collectors.joining("|"));
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
