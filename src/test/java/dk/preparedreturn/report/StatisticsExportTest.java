package dk.preparedreturn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.process.InvalidFormInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The k-anonymisation of the research export on hand-made rows, and the operator's floor for k. */
class StatisticsExportTest {

  /** A closed case as the export reads it (level-0 values), with the given changes. */
  static Map<String, String> row(String... changes) {
    Map<String, String> row = new LinkedHashMap<>();
    StatisticsExport.HIERARCHIES.keySet().forEach(column -> row.put(column, ""));
    row.putAll(Map.of("cas_IncomingReferralDate", "2024-Q2", "cas_ReferringOrganisation", "LawEnforcement",
        "residence_status", "NO_LAWFUL_RESIDENCE", "country_of_return", "NG", "prs_Gender", "Female",
        "age_band_at_referral", "25-34", "prs_Nationality", "NG", "vic_TypeOfExploitation", "SexualExploitation",
        "cas_Status", "Closed", "cas_ReasonForCaseClosure", "COMPLETED"));
    row.putAll(Map.of("offer_decision", "ACCEPTED", "departed", "true", "support_months", "12",
        "weeks_in_reintegration", "53+", "weeks_in_preparation", "2-4", "closed_period", "2025-Q3"));
    for (int i = 0; i < changes.length; i += 2) {
      row.put(changes[i], changes[i + 1]);
    }
    return row;
  }

  static List<Map<String, String>> released(StatisticsExport.Export export) {
    String[] lines = export.csv().split("\n");
    List<String> header = List.of(lines[0].split(","));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] values = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), values[c]);
      }
      rows.add(row);
    }
    return rows;
  }

  static void assertKAnonymous(StatisticsExport.Export export, int k) {
    Map<Map<String, String>, Integer> classes = new HashMap<>();
    released(export).forEach(r -> classes.merge(r, 1, Integer::sum));
    assertThat(classes.values()).as("every combination of all released values occurs at least k times")
        .allMatch(n -> n >= k);
  }

  @Test
  void fiveAlikeAreReleasedAsTheyAreAndALoneRowIsLeftOut() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(row());
    }
    rows.add(row("weeks_in_preparation", "13-26"));
    StatisticsExport.Export export = StatisticsExport.anonymise(rows, 5);
    assertThat(export.rows()).isEqualTo(5);
    assertThat(export.suppressed()).isEqualTo(1);
    assertThat(export.levels().values()).as("nothing generalised").allMatch(level -> level == 0);
    assertThat(released(export)).allMatch(r -> r.equals(row()));
    assertKAnonymous(export, 5);
  }

  @Test
  void aColumnIsGeneralisedForAllRowsWhenTooManyRowsWouldBeLeftOut() {
    // 12 cases that differ only in the exact quarter of closure and a duration band: every row alone
    List<Map<String, String>> rows = new ArrayList<>();
    String[] quarters = {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"};
    String[] bands = {"0-1", "2-4", "5-12"};
    for (int i = 0; i < 12; i++) {
      rows.add(row("closed_period", quarters[i % 4], "weeks_in_preparation", bands[i % 3]));
    }
    StatisticsExport.Export export = StatisticsExport.anonymise(rows, 3);
    assertKAnonymous(export, 3);
    assertThat(export.rows()).isEqualTo(12);
    List<Map<String, String>> released = released(export);
    // the quarter has the most distinct values: generalised to the year, which is enough (3 classes of 4)
    assertThat(released).extracting(r -> r.get("closed_period")).containsOnly("2025");
    assertThat(released).extracting(r -> r.get("weeks_in_preparation")).containsOnly("0-1", "2-4", "5-12");
    assertThat(export.levels()).containsEntry("closed_period", 1).containsEntry("weeks_in_preparation", 0)
        .containsEntry("prs_Nationality", 0);
  }

  @Test
  void everyReleasedColumnCountsNotOnlyTheUsualQuasiIdentifiers() {
    // alike in year, gender, age, nationality and country, but each with its own outcome and exit:
    // the old export released them unchanged as one class of 6
    List<Map<String, String>> rows = new ArrayList<>();
    String[] outcomes = {"COMPLETED", "DROPPED_OUT", "HANDED_OVER", "COMPLETED", "DROPPED_OUT", "HANDED_OVER"};
    String[] exits = {"", "CONTACT_LOST", "PERSON_WITHDREW", "", "PERSON_WITHDREW", "CONTACT_LOST"};
    for (int i = 0; i < 6; i++) {
      rows.add(row("cas_ReasonForCaseClosure", outcomes[i], "exit_reason", exits[i]));
    }
    StatisticsExport.Export export = StatisticsExport.anonymise(rows, 2);
    assertKAnonymous(export, 2);
    assertThat(released(export)).as("no row as unique as before").noneMatch(r -> r.get("cas_ReasonForCaseClosure")
        .equals("DROPPED_OUT") && r.get("exit_reason").equals("CONTACT_LOST"));
  }

  @Test
  void fewerRowsThanKReleaseNothing() {
    StatisticsExport.Export export = StatisticsExport.anonymise(List.of(row(), row()), 5);
    assertThat(export.rows()).isZero();
    assertThat(export.csv().split("\n")).hasSize(1);
  }

  @Test
  void theOperatorsFloorForK() {
    KPolicy standard = new KPolicy(5, 5);
    assertThat(standard.resolve(null)).isEqualTo(5);
    assertThat(standard.resolve(8)).isEqualTo(8);
    assertThatThrownBy(() -> standard.resolve(4)).isInstanceOf(InvalidFormInput.class).hasMessageContaining("5");
    assertThatThrownBy(() -> standard.resolve(2)).isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> standard.resolve(1001)).isInstanceOf(InvalidFormInput.class);
    KPolicy lowered = new KPolicy(5, 2);
    assertThat(lowered.resolve(2)).as("an operator may allow k=2").isEqualTo(2);
    assertThatThrownBy(() -> lowered.resolve(1)).isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> new KPolicy(3, 5)).as("default below the floor: no start")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new KPolicy(5, 1)).isInstanceOf(IllegalStateException.class);
  }
}
