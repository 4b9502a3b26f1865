package dk.preparedreturn.retention;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.report.ReportService;
import dk.preparedreturn.report.StatisticsExport;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention removes every trace of the person (no table, engine history included, holds the name
 * or date of birth afterwards) while the statistics survive; the research export is k-anonymous.
 */
class RetentionAndStatisticsTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate BIRTH = LocalDate.of(1991, 7, 23);

  @Autowired
  RetentionJob retention;
  @Autowired
  ReportService reports;
  @Autowired
  StatisticsExport export;

  Journey caseOf(String name) {
    clockAt(REFERRAL);
    return Journey.start(engine, referrals, new Referral("RET-" + UUID.randomUUID(), "politi",
        Referral.ResidenceStatus.LAWFUL_RESIDENCE, "TH", REFERRAL,
        new Referral.Person(name, BIRTH, "TH", "FEMALE", "LABOUR", false, 0, "th")));
  }

  /** Every text, date and binary value of every table of the database that matches. */
  List<String> occurrences(String text, LocalDate date) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.sql("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = 'PUBLIC'").query().listOfRows();
    assertThat(columns).as("the scan sees the engine's tables").anyMatch(c -> "ACT_HI_VARINST".equals(c.get("TABLE_NAME")));
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("TABLE_NAME");
      String name = (String) column.get("COLUMN_NAME");
      String type = (String) column.get("DATA_TYPE");
      String where;
      Object[] params;
      if (type.startsWith("CHARACTER")) {
        where = "\"" + name + "\" LIKE ?";
        params = new Object[] {"%" + text + "%"};
      } else if (type.contains("BINARY")) {
        where = "UTF8TOSTRING(\"" + name + "\") LIKE ?";
        params = new Object[] {"%" + text + "%"};
      } else if (type.equals("DATE")) {
        where = "\"" + name + "\" = ?";
        params = new Object[] {date};
      } else {
        continue;
      }
      long n = jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE " + where).params(params).query(Long.class)
          .single();
      if (n > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }

  @Test
  void afterTheRetentionPeriodNoTableHoldsThePersonButTheStatisticsSurvive() {
    String name = "Retention Navnesen " + UUID.randomUUID().toString().substring(0, 8);
    Journey j = caseOf(name).identify(REFERRAL.plusDays(1)).informed();
    j.complete("Task_RecordDecision", "offerDecision", "DECLINED");
    CaseFile closed = cases.require(j.caseRef());
    assertThat(closed.outcome()).isEqualTo(CaseOutcome.CLOSED_WITHOUT_RETURN);
    assertThat(occurrences(name, BIRTH)).as("before: only the person table").containsExactlyInAnyOrder(
        "CASE_PERSON.FULL_NAME", "CASE_PERSON.DATE_OF_BIRTH");
    assertThat(jdbc.sql("SELECT count(*) FROM case_statistics WHERE stats_id = (SELECT stats_id FROM case_file"
        + " WHERE case_ref = ?) AND age_band = '25-34' AND nationality = 'TH' AND gender = 'FEMALE'")
        .param(j.caseRef()).query(Long.class).single()).isEqualTo(1);
    long statisticsBefore = jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single();

    clockAt(closed.closedAt().atOffset(ZoneOffset.UTC).toLocalDate().plusYears(3).minusDays(1));
    retention.run();
    assertThat(cases.person(j.caseRef())).as("not yet: within the retention period").isPresent();

    clockAt(closed.closedAt().atOffset(ZoneOffset.UTC).toLocalDate().plusYears(3).plusDays(1));
    assertThat(retention.run()).isPositive();
    assertThat(cases.person(j.caseRef())).isEmpty();
    assertThat(occurrences(name, BIRTH)).as("after: no table at all").isEmpty();
    assertThat(occurrences(closed.referrerReference(), BIRTH)).as("nor the referrer's reference").isEmpty();

    CaseFile after = cases.require(j.caseRef());
    assertThat(after.outcome()).as("the case record stays, without personal data").isEqualTo(CaseOutcome.CLOSED_WITHOUT_RETURN);
    assertThat(jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single())
        .as("statistics survive").isEqualTo(statisticsBefore);
    assertThat(jdbc.sql("SELECT stats_id FROM case_file WHERE case_ref = ?").param(j.caseRef()).query(String.class)
        .optional()).as("and are no longer linked to the case").isEmpty();
    assertThat(reports.summary().outcomes().get("CLOSED_WITHOUT_RETURN")).isPositive();
    assertThat(jdbc.sql("SELECT action FROM audit_log WHERE case_ref = ? ORDER BY id DESC").param(j.caseRef())
        .query(String.class).list().get(0)).isEqualTo("PERSON_PSEUDONYMISED");
    assertThat(retention.run()).as("nothing twice").isZero();
  }

  @Test
  void theResearchExportIsKAnonymous() {
    // synthetic statistics rows: 5 alike, 2 that differ by nationality, 1 that also differs by age
    for (int i = 0; i < 8; i++) {
      String nationality = i < 5 ? "QQ" : i < 7 ? "QR" : "QS";
      String age = i == 7 ? "45+" : "25-34";
      jdbc.sql("INSERT INTO case_statistics (stats_id, referral_year, referring_organisation, residence_status,"
              + " country_of_return, gender, age_band, nationality, exploitation_type, outcome, departed, closed_year)"
              + " VALUES (?, 2019, 'politi', 'NO_LAWFUL_RESIDENCE', 'QQ', 'FEMALE', ?, ?, 'SEXUAL', 'COMPLETED', true, 2020)")
          .params(UUID.randomUUID().toString(), age, nationality).update();
    }
    int k = 3;
    StatisticsExport.Export result = export.export(k);
    String[] lines = result.csv().split("\n");
    List<String> header = List.of(lines[0].split(","));
    assertThat(header).contains("cas_IncomingReferralDate", "prs_Gender", "prs_Nationality", "cas_ReferringOrganisation",
        "cas_Status");
    Map<String, Integer> groups = new HashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] row = lines[i].split(",", -1);
      rows.add(row);
      groups.merge(quasiIdentifiers(header, row), 1, Integer::sum);
    }
    assertThat(groups.values()).as("every released combination of quasi-identifiers is shared by at least k rows")
        .allMatch(size -> size >= k);
    List<String[]> synthetic = rows.stream().filter(r -> r[header.indexOf("country_of_return")].equals("QQ")).toList();
    assertThat(synthetic.stream().filter(r -> r[header.indexOf("prs_Nationality")].equals("QQ"))).as("kept as they are")
        .hasSize(5);
    assertThat(synthetic.stream().filter(r -> !r[header.indexOf("prs_Nationality")].equals("QQ")))
        .as("the two QR rows and the QS row become alike only without nationality and age band")
        .hasSize(3).allMatch(r -> r[header.indexOf("prs_Nationality")].equals("*") && r[header.indexOf("age_band")].equals("*"));
    assertThat(result.csv()).doesNotContain(",QR,").doesNotContain(",QS,").doesNotContain("45+,*,SEXUAL");
    assertThat(result.rows() + result.suppressed()).isEqualTo((int) (long) jdbc.sql("SELECT count(*) FROM case_statistics")
        .query(Long.class).single());
    jdbc.sql("DELETE FROM case_statistics WHERE country_of_return = 'QQ'").update();
  }

  static String quasiIdentifiers(List<String> header, String[] row) {
    return String.join("|", row[header.indexOf("cas_IncomingReferralDate")], row[header.indexOf("prs_Gender")],
        row[header.indexOf("age_band")], row[header.indexOf("prs_Nationality")], row[header.indexOf("country_of_return")]);
  }
}
