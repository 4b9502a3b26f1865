package dk.preparedreturn.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.report.ReportService;
import dk.preparedreturn.report.StatisticsExport;
import dk.preparedreturn.testsupport.DatabaseScan;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention deletes every trace of the person and the case (no column of any table, engine history
 * included, holds a person field, the case reference or an instance id afterwards) while the
 * statistics and the managers' figures survive; the research export is k-anonymous over every
 * column it releases. On H2; {@link RetentionIT} runs the same scenario on PostgreSQL.
 */
class RetentionAndStatisticsTest extends ProcessTestBase {

  @Autowired
  RetentionJob retention;
  @Autowired
  ReportService reports;
  @Autowired
  dk.preparedreturn.documents.Documents documents;
  @Autowired
  StatisticsExport export;
  @Autowired
  DataSource dataSource;

  @Test
  void afterTheRetentionPeriodNoTableHoldsAnythingOfThePersonOrTheCaseButTheStatisticsSurvive() {
    new RetentionScenario(engine, referrals, cases, events, jdbc, retention, reports,
        new DatabaseScan(jdbc, dataSource), documents).run();
  }

  @Test
  void theResearchExportIsKAnonymousOverEveryReleasedColumn() {
    // 120 synthetic closed cases with scattered values (country QQ marks them), on top of whatever
    // statistics the other tests left
    Random random = new Random(42);
    String[] genders = {"FEMALE", "MALE", "OTHER"};
    String[] ages = {"18-24", "25-34", "35-44", "45+"};
    String[] nationalities = {"NG", "TH", "RO", "UG", "VN"};
    String[] exploitation = {"SEXUAL", "LABOUR", "BEGGING", "CRIMINALITY"};
    String[] outcomes = {"COMPLETED", "DROPPED_OUT", "HANDED_OVER"};
    for (int i = 0; i < 120; i++) {
      String outcome = outcomes[random.nextInt(outcomes.length)];
      boolean departed = !outcome.equals("HANDED_OVER");
      jdbc.sql("INSERT INTO case_statistics (stats_id, referral_year, referral_quarter, referring_organisation,"
              + " residence_status, country_of_return, gender, age_band, nationality, exploitation_type, offer_decision,"
              + " outcome, exit_reason, departed, support_months, closed_year, closed_quarter, weeks_identification,"
              + " weeks_reflection, weeks_preparation, weeks_travel, weeks_reintegration)"
              + " VALUES (?, ?, ?, 'politi', 'NO_LAWFUL_RESIDENCE', 'QQ', ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?)")
          .params(UUID.randomUUID().toString(), 2020 + random.nextInt(3), 1 + random.nextInt(4),
              genders[random.nextInt(3)], ages[random.nextInt(4)], nationalities[random.nextInt(5)],
              exploitation[random.nextInt(4)], outcome, outcome.equals("DROPPED_OUT") ? "CONTACT_LOST" : null,
              departed, departed ? random.nextInt(13) : 0, 2023, 1 + random.nextInt(4), random.nextInt(3),
              random.nextInt(20), 2 + random.nextInt(10), departed ? random.nextInt(2) : null,
              departed ? random.nextInt(60) : null)
          .update();
    }
    try {
      for (int k : new int[] {2, 5, 10}) {
        StatisticsExport.Export result = export.export(k);
        String[] lines = result.csv().split("\n");
        List<String> header = List.of(lines[0].split(","));
        assertThat(header).as("HTCDS field names where one fits").contains("cas_IncomingReferralDate",
            "cas_ReferringOrganisation", "prs_Gender", "prs_Nationality", "vic_TypeOfExploitation", "cas_Status",
            "cas_ReasonForCaseClosure");
        assertThat(header).as("no exact durations or dates").noneMatch(c -> c.startsWith("days_") || c.contains("date"));
        assertThat(result.csv()).doesNotContain("\"");
        Map<String, Integer> combinations = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
          String[] row = lines[i].split(",", -1);
          assertThat(row).hasSameSizeAs(header.toArray());
          rows.add(row);
          combinations.merge(lines[i], 1, Integer::sum);
        }
        assertThat(combinations).as("k=%d: every combination of all released values occurs at least k times", k)
            .allSatisfy((combination, n) -> assertThat(n).as(combination).isGreaterThanOrEqualTo(k));
        long total = jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single();
        assertThat(result.rows() + result.suppressed()).isEqualTo((int) total);
        assertThat(rows).hasSize(result.rows());
        assertThat(result.rows()).as("k=%d: most rows are released", k).isGreaterThan((int) (total * 0.8));
        for (String column : header) {
          if (column.startsWith("weeks_in_")) {
            int index = header.indexOf(column);
            assertThat(rows).as(column + " holds bands, not weeks")
                .allMatch(r -> r[index].matches("|\\*|0-1|2-4|5-12|13-26|27-52|53\\+|0-4|5-26|27\\+"));
          }
        }
        int gender = header.indexOf("prs_Gender");
        assertThat(rows).allMatch(r -> r[gender].matches("Female|Male|Transgender/NonConforming|Unknown|\\*"));
        int exploitationType = header.indexOf("vic_TypeOfExploitation");
        assertThat(rows).allMatch(r -> r[exploitationType].matches("SexualExploitation|ForcedLabour|Other|\\*|"));
      }
    } finally {
      jdbc.sql("DELETE FROM case_statistics WHERE country_of_return = 'QQ'").update();
    }
  }
}
