package dk.preparedreturn.testsupport;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Common wiring of the process tests (one shared application context on in-memory H2). */
@ProcessTest
public abstract class ProcessTestBase {

  private static final AtomicInteger REFERENCES = new AtomicInteger();

  @Autowired
  protected ProcessEngine engine;
  @Autowired
  protected ReferralService referrals;
  @Autowired
  protected CaseService cases;
  @Autowired
  protected CaseEventService events;
  @Autowired
  protected JdbcClient jdbc;
  @Autowired
  protected dk.preparedreturn.documents.Documents documents;

  /** Receipts uploaded by the case's partner, for claims that must name them. */
  protected Receipts receipts() {
    return new Receipts(documents, cases);
  }

  @BeforeEach
  void initEngine() {
    BpmnAwareTests.init(engine);
    TestUsers.ensure(engine.getIdentityService());
  }

  @AfterEach
  void resetEngine() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
    engine.getIdentityService().clearAuthentication();
  }

  /** A new case referred on the given day (clock set to it) by the police. */
  protected Journey newCase(LocalDate referralDate, Referral.ResidenceStatus status, String country) {
    Journey.clockAt(referralDate);
    return Journey.start(engine, referrals,
        Journey.referral("POL-" + getClass().getSimpleName() + "-" + REFERENCES.incrementAndGet(), status, country,
            referralDate));
  }

  protected Journey newCase(LocalDate referralDate) {
    return newCase(referralDate, Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");
  }

  /** Notifications queued for a case, as kind:language. */
  protected List<String> notifications(String caseRef) {
    return jdbc.sql("SELECT kind, dedup_key FROM notification WHERE case_ref = ? ORDER BY created_at")
        .param(caseRef).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2).substring(rs.getString(2)
            .lastIndexOf(':') + 1)).list();
  }
}
