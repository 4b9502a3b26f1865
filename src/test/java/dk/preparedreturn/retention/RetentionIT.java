package dk.preparedreturn.retention;

import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.report.ReportService;
import dk.preparedreturn.testsupport.DatabaseScan;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention scenario of {@link RetentionAndStatisticsTest} on PostgreSQL, as in production (text, bytea, timestamps). */
class RetentionIT extends PostgresIntegrationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  CaseService cases;
  @Autowired
  CaseEventService events;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RetentionJob retention;
  @Autowired
  ReportService reports;
  @Autowired
  dk.preparedreturn.documents.Documents documents;
  @Autowired
  DataSource dataSource;

  @BeforeEach
  void users() {
    TestUsers.ensure(engine.getIdentityService());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void afterTheRetentionPeriodNoTableHoldsAnythingOfThePersonOrTheCaseButTheStatisticsSurvive() {
    new RetentionScenario(engine, referrals, cases, events, jdbc, retention, reports,
        new DatabaseScan(jdbc, dataSource), documents).run();
  }
}
