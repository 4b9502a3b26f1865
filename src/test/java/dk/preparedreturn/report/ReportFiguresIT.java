package dk.preparedreturn.report;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.retention.RetentionJob;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.Receipts;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every figure of the managers' summary, and the same figures in Prometheus, for a known set of
 * cases on a database of its own (PostgreSQL): seven cases in every state that counts, two of them
 * closed years ago and deleted by the retention job, so that their figures come from the statistics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=" + PostgresIntegrationTest.ADMIN,
    "ADMIN_PASSWORD=" + PostgresIntegrationTest.ADMIN_PASSWORD,
    "camunda.bpm.job-execution.enabled=false",
    "DB_POOL_SIZE=4",
    "app.metrics.report-refresh=PT1H",
    // engines register in a static map by name: closing this context must not unregister the
    // "default" engine of the shared integration-test context
    "camunda.bpm.process-engine-name=reportfigures"
})
@ActiveProfiles("postgres")
@AutoConfigureObservability
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportFiguresIT {

  static final String DATABASE = TestDatabase.sibling("reports");
  static final String PASSWORD = "Figures-Test-Passw0rd!";
  /** The day the figures are taken: Monday 30 March 2026, 09:00 in Copenhagen. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 30);

  private static String url;

  /** A fresh database, once per test JVM (the registry asks for the URL more than once). */
  static synchronized String url() {
    if (url == null) {
      url = TestDatabase.recreate(DATABASE);
    }
    return url;
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", ReportFiguresIT::url);
    registry.add("spring.datasource.username", () -> TestDatabase.USER);
    registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  CaseService cases;
  @Autowired
  CaseEventService events;
  @Autowired
  RetentionJob retention;
  @Autowired
  ReportMetrics metrics;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  dk.preparedreturn.documents.Documents documents;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  int references;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Journey refer(LocalDate day, Referral.ResidenceStatus status, String country) {
    clockAt(day);
    return Journey.start(engine, referrals, Journey.referral("FIG-" + (++references), status, country, day));
  }

  /** Accepted on day t0 (identified that day), prepared the same day, flown on the given day, arrived the next. */
  Journey departed(LocalDate referral, String country, LocalDate flight) {
    Journey j = refer(referral, Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, country)
        .identify(referral.plusDays(1)).acceptOffer().prepared(flight);
    return j.departed(flight).arrived(flight.plusDays(1));
  }

  /** Twelve months of support after arrival and the closing evaluation at month 12. */
  void twelveMonths(Journey j, LocalDate arrival) {
    for (int month = 1; month <= 12; month++) {
      j.on(arrival.plusMonths(month - 1));
      if (month == 1) {
        j.complete("Task_RefineReintegrationPlan", "planAgreedOn", arrival.toString(), "refinedPlanAreas",
            Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
            "socialSituation", "3", "psychosocialSituation", "2");
      }
      if (month <= 6) {
        j.complete("Task_PayCashSupport", "cashAmount", 1500, "childSupportAmount", 0, "paidOn",
            arrival.plusMonths(month - 1).toString());
      } else {
        Receipts receipts = new Receipts(documents, cases);
        j.complete("Task_SubmitReimbursementClaims", "claims", receipts.claims(j.caseRef(),
            "[{\"category\":\"BUSINESS\",\"amount\":2000,\"receiptReference\":\"R-" + month + "\"}]"));
        j.complete("Task_ReviewReimbursementClaims", "claims", receipts.claims(j.caseRef(),
            "[{\"category\":\"BUSINESS\",\"amount\":2000,\"receiptReference\":\"R-" + month
            + "\",\"decision\":\"APPROVED\"}]"));
      }
      if (month == 3 || month == 6 || month == 9) {
        j.complete("Task_SubmitProgressReport", "economicSituation", "3", "socialSituation", "4",
            "psychosocialSituation", "3", "planProgress", "ON_TRACK");
      }
    }
    j.on(arrival.plusMonths(12));
    j.complete("Task_SubmitFinalReport", "economicSituation", "4", "socialSituation", "4", "psychosocialSituation",
        "4", "programmeResult", "SUSTAINABLE");
    j.complete("Task_EvaluateAndCloseCase", "evaluation", "SUCCESSFUL", "finalPaymentsSettled", true);
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUsers.basicAuth(user, PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one sample of /actuator/prometheus, e.g. {@code report_drop_outs{when="after_departure"}}. */
  static double sample(String prometheus, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : Pattern.quote(labels))
        + " (\\S+)$").matcher(prometheus);
    assertThat(m.find()).as(name + labels + " in\n" + prometheus).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void everyFigureOfTheSummaryAndTheMetricsForAKnownSetOfCases() throws Exception {
    TestUsers.ensure(engine.getIdentityService());
    TestUsers.ensure(engine.getIdentityService(), "fig-ledelse", "ledelse", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "fig-monitor", "monitoring", PASSWORD);

    // R1, Nigeria: departed 2022-01-25, arrived 01-26, twelve months, closed COMPLETED on 2023-01-26
    Journey r1 = departed(LocalDate.of(2022, 1, 10), "NG", LocalDate.of(2022, 1, 25));
    twelveMonths(r1, LocalDate.of(2022, 1, 26));
    assertThat(cases.require(r1.caseRef()).outcome()).isEqualTo(CaseOutcome.COMPLETED);
    // R2, Thailand: lawful residence, declined and withdrew on 2022-02-08, CMM ends the restitution period:
    // CLOSED_WITHOUT_RETURN
    Journey r2 = refer(LocalDate.of(2022, 2, 7), Referral.ResidenceStatus.LAWFUL_RESIDENCE, "TH")
        .identify(LocalDate.of(2022, 2, 8)).informed().complete("Task_RecordDecision", "offerDecision", "DECLINED");
    r2.report(events, dk.preparedreturn.caseevents.CaseEvent.PERSON_WITHDREW, null, "cmm");
    r2.complete("Task_EndRestitutionPeriod", "personInformed", true, "restitutionEndOutcome", "STAYS_ON_OWN_RESIDENCE");
    assertThat(cases.require(r2.caseRef()).outcome()).isEqualTo(CaseOutcome.CLOSED_WITHOUT_RETURN);

    // C4, Nigeria: departed 2026-01-20, contact lost on 2026-02-10: DROPPED_OUT
    Journey c4 = departed(LocalDate.of(2026, 1, 5), "NG", LocalDate.of(2026, 1, 20));
    clockAt(LocalDate.of(2026, 2, 10));
    c4.contactLostForGood(events, "partner-ng");
    c4.complete(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT, "paymentsStopped", true, "partnerInformed", true);
    assertThat(cases.require(c4.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    // C5, Nigeria: accepted on 2026-01-13, withdrew on 2026-01-20 before departure, handed over on 01-22
    Journey c5 = refer(LocalDate.of(2026, 1, 12), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG")
        .identify(LocalDate.of(2026, 1, 13)).acceptOffer();
    clockAt(LocalDate.of(2026, 1, 20));
    c5.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    clockAt(LocalDate.of(2026, 1, 22));
    c5.complete(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN, "takenOver", true,
        "ordinaryReturnReference", "HJS-FIG-5");
    assertThat(cases.require(c5.caseRef()).outcome()).isEqualTo(CaseOutcome.HANDED_OVER);
    // C3, Thailand: accepted on 2026-02-03, departure deadline 2026-03-05 passed: in hand-over since 03-06
    Journey c3 = refer(LocalDate.of(2026, 2, 2), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH")
        .identify(LocalDate.of(2026, 2, 3)).acceptOffer();
    c3.on(LocalDate.of(2026, 3, 6));
    assertThat(c3.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
    // C2, Nigeria: identified 2026-03-03 (deadline 2026-04-02), undecided, to follow up on 2026-04-01
    Journey c2 = refer(LocalDate.of(2026, 3, 2), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG")
        .identify(LocalDate.of(2026, 3, 3)).informed();
    c2.complete("Task_RecordDecision", "offerDecision", "UNDECIDED", "followUpDate", "2026-04-01");
    // C1, Nigeria: referred on Friday 2026-03-27, screening open
    Journey c1 = refer(LocalDate.of(2026, 3, 27), Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");

    clockAt(TODAY);
    assertThat(retention.run()).as("R1 and R2 closed more than three years ago").isEqualTo(2);
    assertThat(cases.find(r1.caseRef())).isEmpty();
    assertThat(cases.find(r2.caseRef())).isEmpty();
    // the open tasks and their due dates (lead times in decisions/LeadTimes.dmn): C1's screening is due
    // 3 days after the referral (2026-03-30 23:59, within 7 days); C3's hand-over 3 days after the
    // deadline (2026-03-08 23:59, overdue); C2 waits for its follow-up date without a task
    Map<String, String> openTasks = new LinkedHashMap<>();
    for (Journey j : new Journey[] {c1, c2, c3}) {
      j.openTasks().forEach(t -> openTasks.put(j.caseRef() + ":" + t.getTaskDefinitionKey(),
          t.getDueDate().toInstant().atZone(Journey.ZONE).toLocalDateTime().toString()));
    }
    assertThat(openTasks).containsOnly(Map.entry(c1.caseRef() + ":Task_ScreenReferral", "2026-03-30T23:59"),
        Map.entry(c3.caseRef() + ":" + PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN, "2026-03-08T23:59"));

    HttpResponse<String> response = get("/api/reports/summary", "fig-ledelse");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode s = json.readTree(response.body());
    assertThat(s.get("openCases").asLong()).as("C1, C2, C3").isEqualTo(3);
    assertThat(s.get("closedCases").asLong()).as("C4, C5 and the deleted R1, R2").isEqualTo(4);
    Map<String, Long> phases = new LinkedHashMap<>();
    s.get("casesPerPhase").fields().forEachRemaining(e -> phases.put(e.getKey(), e.getValue().asLong()));
    assertThat(phases).isEqualTo(Map.of("REFERRAL", 0L, "IDENTIFICATION", 1L, "REFLECTION", 1L, "PREPARATION", 0L,
        "TRAVEL", 0L, "REINTEGRATION", 0L, "SUSPENDED", 0L, "HANDOVER", 1L, "CLOSED", 4L));

    JsonNode deadlines = s.get("deadlines");
    assertThat(deadlines.get("departureDeadlinesWithin7Days").asLong()).as("C2: 2026-04-02").isEqualTo(1);
    assertThat(deadlines.get("departureDeadlinesPassedNotDeparted").asLong()).as("C3: 2026-03-05").isEqualTo(1);
    assertThat(deadlines.get("tasksDueWithin7Days").asLong()).as("C1's screening").isEqualTo(1);
    assertThat(deadlines.get("tasksOverdue").asLong()).as("C3's hand-over").isEqualTo(1);

    JsonNode offer = s.get("offer");
    assertThat(offer.get("accepted").asLong()).as("C3, C4, C5, R1").isEqualTo(4);
    assertThat(offer.get("declined").asLong()).as("R2").isEqualTo(1);
    assertThat(offer.get("undecided").asLong()).as("C2").isEqualTo(1);
    assertThat(offer.get("takeUpRate").asDouble()).as("4 of 5").isEqualTo(0.8);
    JsonNode dropOut = s.get("dropOut");
    assertThat(dropOut.get("beforeDeparture").asLong()).as("C5").isEqualTo(1);
    assertThat(dropOut.get("afterDeparture").asLong()).as("C4").isEqualTo(1);
    assertThat(dropOut.get("rateOfAccepted").asDouble()).as("2 of 4").isEqualTo(0.5);
    JsonNode month12 = s.get("month12");
    assertThat(month12.get("completed").asLong()).as("R1").isEqualTo(1);
    assertThat(month12.get("departedAndClosed").asLong()).as("R1, C4").isEqualTo(2);
    assertThat(month12.get("share").asDouble()).isEqualTo(0.5);

    Map<String, Long> outcomes = new LinkedHashMap<>();
    s.get("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
    assertThat(outcomes).isEqualTo(Map.of("COMPLETED", 1L, "CLOSED_WITHOUT_RETURN", 1L, "DROPPED_OUT", 1L,
        "HANDED_OVER", 1L));

    // median days per phase: per case the finished stays added up (all steps of a day at 09:00); the
    // deleted R1 and R2 count with the middle of their whole weeks (w * 7 + 3.5)
    Map<String, Double> medians = new LinkedHashMap<>();
    s.get("medianDaysPerPhase").fields().forEachRemaining(e -> medians.put(e.getKey(), e.getValue().asDouble()));
    assertThat(medians).isEqualTo(Map.of(
        "REFERRAL", 0.0,         // C1-C5 enter identification at once: 0 x5; R1, R2: 3.5 x2
        "IDENTIFICATION", 1.0,   // C2-C5 identified the day after the referral: 1 x4; R1, R2: 3.5 x2
        "REFLECTION", 0.0,       // C3, C4, C5 decide the day they are identified: 0 x3; R1, R2: 3.5
        "PREPARATION", 5.3,      // C4: 0, R1: 3.5, C5: 7 (withdrew), C3: 30.6 (to the deadline) -> (3.5 + 7) / 2
        "TRAVEL", 16.3,          // C4: 15 (2026-01-06 to 01-21), R1: 2 weeks -> 17.5
        "REINTEGRATION", 193.8,  // C4: 20 (to 2026-02-10), R1: 365 days = 52 weeks -> 367.5
        "HANDOVER", 2.0));       // C5: 2026-01-20 to 01-22; C3 is still in hand-over

    List<String> countries = new ArrayList<>();
    s.get("byCountry").forEach(c -> countries.add(c.get("countryOfReturn").asText() + " cases=" + c.get("cases")
        + " open=" + c.get("open") + " departed=" + c.get("departed") + " completed=" + c.get("completed")
        + " droppedOut=" + c.get("droppedOut") + " handedOver=" + c.get("handedOver")));
    assertThat(countries).containsExactly(
        "NG cases=5 open=2 departed=2 completed=1 droppedOut=1 handedOver=1",  // C1, C2 open; C4, R1 departed; C5
        "TH cases=2 open=1 departed=0 completed=0 droppedOut=0 handedOver=0"); // C3 open; R2

    HttpResponse<String> page = get("/app/reports", "fig-ledelse");
    String html = page.body().replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    // every figure links to the cases behind it; Danish numbers, country names
    assertThat(html).contains(
        "<td>Forløb der nåede måned 12</td><td class=\"n\"><a href=\"/app/reports/cases?figure=COMPLETED\">1</a></td>",
        "<td>Andel der tager imod (af dem der har besluttet)</td><td class=\"n\">"
            + "<a href=\"/app/reports/cases?figure=DECIDED\">80,0\u00a0%</a></td>",
        "<a href=\"/app/reports/cases?figure=COUNTRY&amp;value=NG\">5</a>", "<td>Nigeria</td>", "<td>Thailand</td>",
        "<td>Ikke identificeret</td><td class=\"n\"><a href=\"/app/reports/cases?figure=OUTCOME&amp;value=NOT_IDENTIFIED\">0</a>",
        // the trend: 2026 Q1 had C1-C5 referred, C3, C4, C5 accepting, C4 and C5 dropping out, no completion
        "<td>1. kvt. 2026</td><td class=\"n\">5</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">0</td>",
        "<svg", "<polyline")
        .doesNotContain("80.0", "Testperson", "<td>NG</td>");
    // who holds each open case: C1's screening with CMM, C3's hand-over with Hjemrejsestyrelsen, C2 waits
    assertThat(html).contains("Hvem har sagerne", "href=\"/app/cases/" + c1.caseRef() + "\"",
        "<b><span>Center mod Menneskehandel</span></b>: <span>Gennemfør screening</span>",
        "<b><span>Hjemrejsestyrelsen</span></b>: <span>Overtag som almindelig hjemrejse</span>",
        "ingen åben opgave (venter på en frist eller en hændelse)");

    // the cases behind a figure: reference, phase, who holds them; deleted cases counted but not listed
    String accepted = get("/app/reports/cases?figure=ACCEPTED", "fig-ledelse").body();
    assertThat(accepted).contains("Sager, hvor personen tog imod tilbuddet", "Sager: 3", c3.caseRef(), c4.caseRef(),
        c5.caseRef(), "slettet efter opbevaringsperioden").doesNotContain(c1.caseRef(), c2.caseRef(), "Testperson");
    String overdue = get("/app/reports/cases?figure=TASKS_OVERDUE", "fig-ledelse").body();
    assertThat(overdue).contains(c3.caseRef(), "Overtag som almindelig hjemrejse", "ikke taget", "frist 08.03.2026")
        .doesNotContain(c1.caseRef());
    assertThat(get("/app/reports/cases?figure=COUNTRY_OPEN&value=TH", "fig-ledelse").body())
        .contains("Åbne sager med hjemrejse til Thailand", c3.caseRef()).doesNotContain(c1.caseRef());
    assertThat(get("/app/reports/cases?figure=PHASE&value=HANDOVER", "fig-ledelse").body()).contains(c3.caseRef());
    // anything but a figure the report has is refused
    for (String bad : List.of("figure=SECRET", "figure=PHASE", "figure=PHASE&value=NOPE", "figure=OPEN&value=NG",
        "figure=COUNTRY&value=ng", "figure=OPEN&sql=1")) {
      HttpResponse<String> refused = get("/app/reports/cases?" + bad, "fig-ledelse");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.body()).as(bad).contains("Rapporten har ikke det tal").doesNotContain("FH-");
    }
    assertThat(get("/app/reports/cases?figure=OPEN", "fig-monitor").statusCode()).as("managers only").isEqualTo(403);

    // the same figures as Prometheus gauges
    metrics.refresh();
    HttpResponse<String> scrape = get("/actuator/prometheus", "fig-monitor");
    assertThat(scrape.statusCode()).isEqualTo(200);
    String p = scrape.body();
    assertThat(sample(p, "report_offer_take_up_ratio", "")).isEqualTo(0.8);
    assertThat(sample(p, "report_offer_decisions", "{decision=\"accepted\"}")).isEqualTo(4);
    assertThat(sample(p, "report_offer_decisions", "{decision=\"declined\"}")).isEqualTo(1);
    assertThat(sample(p, "report_offer_decisions", "{decision=\"undecided\"}")).isEqualTo(1);
    assertThat(sample(p, "report_drop_out_ratio", "")).isEqualTo(0.5);
    assertThat(sample(p, "report_drop_outs", "{when=\"before_departure\"}")).isEqualTo(1);
    assertThat(sample(p, "report_drop_outs", "{when=\"after_departure\"}")).isEqualTo(1);
    assertThat(sample(p, "report_month12_ratio", "")).isEqualTo(0.5);
    assertThat(sample(p, "report_month12_journeys", "{state=\"completed\"}")).isEqualTo(1);
    assertThat(sample(p, "report_month12_journeys", "{state=\"departed_and_closed\"}")).isEqualTo(2);
    assertThat(sample(p, "report_deadlines_at_risk", "{kind=\"departure\"}")).isEqualTo(1);
    assertThat(sample(p, "report_deadlines_at_risk", "{kind=\"task\"}")).isEqualTo(1);
    assertThat(sample(p, "report_deadlines_overdue", "{kind=\"departure\"}")).isEqualTo(1);
    assertThat(sample(p, "report_deadlines_overdue", "{kind=\"task\"}")).isEqualTo(1);
    Map<String, Double> ng = Map.of("all", 5.0, "open", 2.0, "departed", 2.0, "completed", 1.0, "dropped_out", 1.0,
        "handed_over", 1.0);
    ng.forEach((state, n) -> assertThat(sample(p, "report_country_cases", "{country=\"NG\",state=\"" + state + "\"}"))
        .as("NG " + state).isEqualTo(n));
    assertThat(sample(p, "report_country_cases", "{country=\"TH\",state=\"all\"}")).isEqualTo(2);
    assertThat(sample(p, "report_country_cases", "{country=\"TH\",state=\"open\"}")).isEqualTo(1);
    medians.forEach((phase, days) -> assertThat(sample(p, "report_phase_median_days", "{phase=\"" + phase + "\"}"))
        .as(phase).isEqualTo(days));
  }
}
