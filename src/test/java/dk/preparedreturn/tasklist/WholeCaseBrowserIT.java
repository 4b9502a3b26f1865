package dk.preparedreturn.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.testsupport.DebianChromium;
import dk.preparedreturn.testsupport.TasklistDriver;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * One whole case walked through Tasklist in Debian's Chromium, as each organisation works it: the
 * police refer the person through the REST API; CMM screens (Danish); Udlændingestyrelsen decides the
 * victim status; CMM assigns the contact person, who informs the person and records the acceptance
 * with consent; Hjemrejsestyrelsen obtains the documents and books the flight (a date after the
 * departure deadline refused at its field, then corrected); DRC prepares the plan typing Danish
 * amounts; the partner in Nigeria (English) meets the person; CMM prepares the person;
 * Hjemrejsestyrelsen arranges airport assistance, decides on an escort and confirms the departure;
 * the partner confirms the arrival, refines the plan and pays the first month's cash support, which
 * the plan fixed. Every step types, picks and ticks in the form and is confirmed; a screenshot of
 * every step goes to {@code target/screenshots/case-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:whole-case;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "app.mail-catcher.enabled=false",
    "spring.jmx.enabled=false",
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"
})
@ExcludeFromProcessCoverage
@DirtiesContext
@Order(Integer.MAX_VALUE - 2)
class WholeCaseBrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private static DebianChromium.Session chromium;
  private static Browser browser;

  @LocalServerPort
  int port;
  @Value("${app.time-zone:Europe/Copenhagen}")
  ZoneId zone;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired
  CaseService cases;
  @Autowired
  JdbcClient jdbc;

  private TasklistDriver tasklist;
  private final Map<String, Page> signedIn = new HashMap<>();
  private final List<String> steps = new ArrayList<>();
  private String caseRef;

  @BeforeAll
  static void launchBrowser() {
    chromium = DebianChromium.start();
    browser = chromium.browser();
    PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyOrganisationWorksItsStepsOfOneCaseInTasklist() throws Exception {
    tasklist = new TasklistDriver(browser, port, zone.getId(), SCREENSHOTS);
    LocalDate today = LocalDate.now(zone);
    caseRef = referByThePolice(today);

    work("cmm-mads", "da-DK", "Task_ScreenReferral", values("screeningResult", "INDICATORS_FOUND",
        "consentRecorded", true));
    work("us-ida", "da-DK", "Task_DecideVictimStatus", values("identificationOutcome", "IDENTIFIED",
        "identificationDate", today));
    CaseFile identified = cases.require(caseRef);
    LocalDate deadline = identified.departureDeadline();
    assertThat(deadline).as("30 days from T0 (§ 33, stk. 14)").isEqualTo(today.plusDays(30));

    work("cmm-mads", "da-DK", "Task_AssignContactPerson", values("contactPerson", "cmm-karen"));
    work("cmm-karen", "da-DK", "Task_InformAboutOffer", values("informedVoluntary", true,
        "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true, "informedOn", today));
    work("cmm-karen", "da-DK", "Task_RecordDecision", values("offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY"));
    assertThat(cases.require(caseRef).offerDecision()).isEqualTo("ACCEPTED");

    work("hjs-henrik", "da-DK", "Task_ObtainTravelDocuments", values("travelDocuments", List.of("PASSPORT"),
        "documentsValidUntil", today.plusYears(2), "accompanyingChildren", 0));
    // the risk and safety assessment before the flight is booked: CMM's contribution, then DRC
    work("cmm-karen", "da-DK", "Task_ContributeToRiskAssessment", values("familyInvolvementRisk", "LOW",
        "fitnessToTravel", "FIT_WITH_SUPPORT"));
    work("drc-dorte", "da-DK", "Task_AssessReturnSafety", values("reTraffickingRisk", "MEDIUM", "retaliationRisk", "LOW",
        "cmmContributionConsidered", true));
    assertThat(cases.require(caseRef).returnSafety()).isEqualTo("SAFE");

    // a flight after the departure deadline: refused at its field, nothing booked; then the right day
    LocalDate flight = today.plusDays(1);
    Task booking = openTask("Task_BookFlight");
    Page hjs = page("hjs-henrik", "da-DK");
    Locator form = tasklist.openAndClaim(hjs, booking.getId(), booking.getName());
    tasklist.fill(form, "BookFlight", values("plannedDepartureDate", deadline.plusDays(1), "flightNumber", "SK 1234"));
    tasklist.completeButton(hjs).click();
    PlaywrightAssertions.assertThat(TasklistDriver.field(form, "Planlagt udrejsedato").locator(".pr-server-error"))
        .containsText(deadline.format(DANISH_DATE));
    PlaywrightAssertions.assertThat(hjs.locator(".pr-confirmation.pr-refused")).hasText("Se feltet markeret med rødt.");
    PlaywrightAssertions.assertThat(hjs.locator(".page-notifications .alert-danger")).hasCount(0);
    tasklist.screenshot(hjs, "case-" + steps.size() + "-BookFlight-refused");
    assertThat(cases.require(caseRef).plannedDepartureDate()).as("nothing booked").isNull();
    tasklist.fill(form, "BookFlight", values("plannedDepartureDate", flight));
    tasklist.screenshot(hjs, "case-" + steps.size() + "-BookFlight");
    tasklist.complete(hjs, booking.getName());
    steps.add("Task_BookFlight");
    assertThat(cases.require(caseRef).plannedDepartureDate()).isEqualTo(flight);

    work("ng-ngozi", "en-US", "Task_MeetBeforeDeparture", values("partnerMeetingDate", today,
        "partnerMeetingForm", "VIDEO", "planDiscussed", true));
    work("drc-dorte", "da-DK", "Task_PrepareReintegrationPlan", values("planAreas", List.of("BUSINESS", "HOUSING"),
        "planBudgetDkk", "15.000,50", "monthlyCashDkk", "1.500"));
    assertThat(cases.plan(caseRef)).as("the Danish amounts exactly").hasValueSatisfying(plan -> {
      assertThat(plan.budget()).isEqualByComparingTo("15000.50");
      assertThat(plan.monthlyCash()).isEqualByComparingTo("1500");
    });
    work("hjs-henrik", "da-DK", "Task_ArrangeAirportAssistance", values("airportAssistance",
        List.of("DEPARTURE", "ARRIVAL")));
    work("hjs-henrik", "da-DK", "Task_DecideOnEscort", values("escortDecision", "NOT_NEEDED"));
    work("cmm-karen", "da-DK", "Task_PreparePersonForDeparture", values("preparation",
        List.of("COUNSELLING", "HEALTH", "COUNTRY_INFO", "PARTNER_CONTACT", "PRACTICAL")));

    // the day of the flight (the engine's clock; the browser types the dates)
    ClockUtil.setCurrentTime(java.util.Date.from(flight.atTime(12, 0).atZone(zone).toInstant()));
    work("hjs-henrik", "da-DK", "Task_ConfirmDeparture", values("departureOutcome", "DEPARTED",
        "departureDate", flight));
    work("ng-ngozi", "en-US", "Task_ConfirmArrival", values("arrivalDate", flight, "receivedAtAirport", true,
        "accommodation", "FAMILY"));
    executeDueJobs();
    work("ng-ngozi", "en-US", "Task_RefineReintegrationPlan", values("refinedPlanAreas", List.of("BUSINESS", "HOUSING"),
        "planAgreedOn", flight, "economicSituation", "2", "socialSituation", "3", "psychosocialSituation", "2"));
    executeDueJobs();
    Task cash = openTask("Task_PayCashSupport");
    Page partner = page("ng-ngozi", "en-US");
    Locator payment = tasklist.openAndClaim(partner, cash.getId(), cash.getName());
    PlaywrightAssertions.assertThat(payment.getByLabel("Cash support paid (DKK)")).hasValue("1,500.00");
    tasklist.fill(payment, "PayCashSupport", values("paidOn", flight));
    tasklist.screenshot(partner, "case-" + steps.size() + "-PayCashSupport");
    tasklist.complete(partner, cash.getName());
    steps.add("Task_PayCashSupport");
    assertThat(jdbc.sql("SELECT amount FROM case_payment WHERE case_ref = ? AND kind = 'CASH'").param(caseRef)
        .query(BigDecimal.class).list()).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("1500"));

    CaseFile arrived = cases.require(caseRef);
    assertThat(arrived.departureDate()).isEqualTo(flight);
    assertThat(arrived.arrivalDate()).isEqualTo(flight);
    assertThat(steps).as("every step worked in the browser").hasSize(18);
  }

  /** The police's case system refers the person (POST /api/referrals as pol-peter). */
  private String referByThePolice(LocalDate today) throws Exception {
    String body = """
        {"referrerReference": "POL-WALK-%s", "referringOrganisation": "politi",
         "residenceStatus": "NO_LAWFUL_RESIDENCE", "countryOfReturn": "NG", "referralDate": "%s",
         "person": {"fullName": "Fiktiv Gennemgang", "dateOfBirth": "1995-04-02", "nationality": "NG",
                    "gender": "FEMALE", "exploitationType": "SEXUAL", "hasChildren": false,
                    "preferredLanguage": "en"}}""".formatted(UUID.randomUUID().toString().substring(0, 8), today);
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(tasklist.url("/api/referrals")))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("pol-peter:" + TasklistDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\"caseRef\"\\s*:\\s*\"([^\"]+)\"")
        .matcher(response.body());
    assertThat(ref.find()).as(response.body()).isTrue();
    return ref.group(1);
  }

  /** One step: the user opens the case's task, claims it, fills the form with the values and completes it. */
  private void work(String user, String locale, String taskKey, Map<String, Object> values) {
    Task task = openTask(taskKey);
    Page page = page(user, locale);
    Locator form = tasklist.openAndClaim(page, task.getId(), task.getName());
    tasklist.fill(form, task.getCamundaFormRef().getKey(), values);
    tasklist.screenshot(page, "case-" + steps.size() + "-" + taskKey.substring("Task_".length()));
    tasklist.complete(page, task.getName());
    steps.add(taskKey);
  }

  private Page page(String user, String locale) {
    return signedIn.computeIfAbsent(user, u -> tasklist.signIn(u, locale));
  }

  private Task openTask(String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult();
    assertThat(task).as("open task %s of %s (steps so far: %s; open: %s)", taskKey, caseRef, steps,
        tasks.createTaskQuery().processInstanceBusinessKey(caseRef).list().stream().map(Task::getTaskDefinitionKey)
            .toList()).isNotNull();
    return task;
  }

  private void executeDueJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list().stream()
          .flatMap(i -> management.createJobQuery().processInstanceId(i.getId()).executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException takenByTheJobExecutor) {
          // the job executor of this node may have run it already
        }
      }
    }
  }

  private static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }
}
