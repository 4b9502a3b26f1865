package dk.preparedreturn.tasklist;

import static dk.preparedreturn.testsupport.TasklistDriver.enterDate;
import static dk.preparedreturn.testsupport.TasklistDriver.field;
import static dk.preparedreturn.testsupport.TasklistDriver.fillSettled;

import dk.preparedreturn.testsupport.DebianChromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The caseworkers' Tasklist in a real browser (Debian's Chromium driven by Playwright), on the
 * embedded default with its demo users and demo cases:
 *
 * <ol>
 *   <li>the login page follows the browser's language (Danish) and the DA | EN switch in the
 *     header changes it (and back);</li>
 *   <li>cmm-mads (browser da-DK) opens "Min organisation", finds the decision task of demo case
 *     DEMO-3 by its case reference in the "Sag" column, claims it ("Tag opgaven"), submits
 *     "not decided yet" with a follow-up date after the departure deadline and sees the server's
 *     message, then submits a valid date: the task leaves the list and the engine waits for the
 *     follow-up date, which brings the decision back to the contact person;</li>
 *   <li>ng-ngozi (partner Nigeria, browser en-US) sees her own tasks but DEMO-3 in none of her
 *     filters, and opening DEMO-3's task by its id shows no form, only an error;</li>
 *   <li>drc-dorte (DRC, browser da-DK) prepares DEMO-4's reintegration plan: the header's case search,
 *     the tab "Sag", form-js's messages in Danish, an amount in English notation refused as it is typed,
 *     a children's budget above the total refused by the server at its field, corrected, confirmed,
 *     and the case record holds exactly the amounts typed in Danish notation.</li>
 * </ol>
 * The cmm-mads part also checks the date picker (dd.mm.yyyy, Danish names, weeks from Monday), the
 * refusal at the field without Camunda's prefix, and that the old error goes after the next
 * successful completion, which is confirmed.
 *
 * Screenshots go to {@code target/screenshots/}. The Tasklist runs on the engine named
 * {@code default} (the URLs the notification mails link to), so this class runs after the other
 * integration tests of the JVM and closes its context afterwards: the Camunda webapps look engines
 * up by name in a JVM-wide registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "app.mail-catcher.enabled=false",
    "spring.jmx.enabled=false",
    // the demo cases run processes while the context starts, before a coverage run could be set up
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"
})
@ExcludeFromProcessCoverage
@DirtiesContext
@Order(Integer.MAX_VALUE)
class TasklistBrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final String LOCALE_KEY = "preparedReturn.locale";

  private static final String CASEWORKER = "cmm-mads";
  private static final String CONTACT_PERSON = "cmm-karen";
  private static final String PARTNER = "ng-ngozi";
  private static final String DRC_CASEWORKER = "drc-dorte";
  private static final String PAY_CASH_SUPPORT = "Task_PayCashSupport";
  private static final String PAY_CASH_SUPPORT_NAME = "Pay the monthly cash support";
  private static final String PREPARE_PLAN = "Task_PrepareReintegrationPlan";
  private static final String PREPARE_PLAN_NAME = "Udarbejd reintegrationsplan";
  private static final String PASSWORD = "demo";

  private static final String RECORD_DECISION = "Task_RecordDecision";
  private static final String RECORD_DECISION_NAME = "Registrér personens beslutning";
  private static final String MEET_BEFORE_DEPARTURE = "Task_MeetBeforeDeparture";
  private static final String MEET_BEFORE_DEPARTURE_NAME = "Meet the person before departure";
  private static final List<String> PARTNER_FILTERS = TasklistFilters.ENGLISH.stream()
      .map(TasklistFilters.FilterSpec::name).toList();

  private static DebianChromium.Session chromium;
  private static Browser browser;

  @LocalServerPort
  int port;
  @Value("${app.time-zone:Europe/Copenhagen}")
  ZoneId zone;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  FilterService filters;
  @Autowired
  IdentityService identity;
  @Autowired
  CaseService cases;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final List<Page> openPages = new ArrayList<>();

  @BeforeAll
  static void launchBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    chromium = DebianChromium.start();
    browser = chromium.browser();
    // generous: on a shared machine under load, the webapps' first load takes tens of seconds
    PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void caseworkerWorksADemoCaseInTasklistAndThePartnerDoesNotSeeIt() {
    assertThat(ProcessEngines.getProcessEngine("default"))
        .as("the webapps resolve the engine 'default' to this test's engine (another Spring context registered one?)")
        .isSameAs(engine);
    try {
      scenario();
    } catch (AssertionError | RuntimeException e) {
      for (int i = 0; i < openPages.size(); i++) {
        if (!openPages.get(i).isClosed()) {
          screenshot(openPages.get(i), "failure-" + (i + 1));
        }
      }
      throw e;
    }
  }

  private void scenario() {
    CaseFile demo3 = demoCase(3);
    String caseRef = demo3.caseRef();
    Task decision = openTask(caseRef, RECORD_DECISION);
    LocalDate today = LocalDate.now(zone);
    LocalDate deadline = LocalDate.parse((String) tasks.getVariable(decision.getId(), "departureDeadline"));
    assertThat(deadline).as("DEMO-3's departure deadline").isAfter(today.plusDays(1));
    assertThat(decision.getAssignee()).as("DEMO-3's decision task belongs to the contact person").isEqualTo(CONTACT_PERSON);
    // The contact person is away: the task goes back to the CMM team, where a colleague picks it up.
    tasks.setAssignee(decision.getId(), null);

    // ---- the caseworker, Danish browser
    Page page = newPage("da-DK");
    page.navigate(tasklistUrl());
    languageSwitchChangesTheLoginPage(page);
    logIn(page, CASEWORKER, "Log ind");
    PlaywrightAssertions.assertThat(page.locator("[cam-widget-header]")).containsText("Tastaturgenveje");

    openFilter(page, "Min organisation");
    Locator card = taskCard(page, caseRef).filter(new Locator.FilterOptions().setHasText(RECORD_DECISION_NAME));
    PlaywrightAssertions.assertThat(card).hasCount(1);
    PlaywrightAssertions.assertThat(card.locator(".variable-item").filter(new Locator.FilterOptions().setHasText("Sag:")))
        .containsText(caseRef);
    // relative dates in Danish ("om 7 dage", "for 6 dage siden"), never Tasklist's English ones
    assertThat(page.locator("ol.tasks-list").innerText()).doesNotContain(" ago")
        .doesNotContainPattern("\\bin (\\d+|a|an) (day|days|month|months|hour|hours)\\b").contains("Frist ");
    screenshot(page, "tasklist-list");

    card.locator("h4.task a").click();
    Locator detail = page.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasText(RECORD_DECISION_NAME);
    Locator form = detail.locator("form.fjs-form");
    PlaywrightAssertions.assertThat(form).containsText("Sag: " + caseRef);
    // the form's text shows the deadline as a Danish date, not as the variable's ISO date
    PlaywrightAssertions.assertThat(form).containsText("Udrejsefrist: " + deadline.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    PlaywrightAssertions.assertThat(form).not().containsText(deadline.toString());
    Locator complete = detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afslut").setExact(true));
    PlaywrightAssertions.assertThat(complete).isDisabled(); // not claimed yet

    // the case's deadline calendar opens in a new tab, also before the task is claimed
    Page calendar = page.context().waitForPage(() -> form.getByText("Alle frister i sagen").click());
    openPages.add(calendar);
    PlaywrightAssertions.assertThat(calendar.locator("h1")).hasText("Frister i sag " + caseRef);
    PlaywrightAssertions.assertThat(calendar.locator("tbody tr").first()).isVisible();
    screenshot(calendar, "deadline-calendar");
    calendar.close();

    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tag opgaven").setExact(true)).click();
    PlaywrightAssertions.assertThat(detail.locator("li.assignee")).containsText(fullName(CASEWORKER));
    PlaywrightAssertions.assertThat(complete).isEnabled();
    assertThat(tasks.createTaskQuery().taskId(decision.getId()).singleResult().getAssignee()).isEqualTo(CASEWORKER);

    // ---- first submission: not decided yet, follow-up after the departure deadline -> the server refuses
    form.getByLabel("Har ikke besluttet sig endnu").check();
    Locator followUp = form.getByLabel("Følg op den");
    PlaywrightAssertions.assertThat(followUp).isVisible();
    // the date picker: dd.mm.yyyy, Danish month and day names, weeks from Monday
    PlaywrightAssertions.assertThat(followUp).hasAttribute("placeholder", "dd.mm.yyyy");
    followUp.click();
    Locator calendarOpen = detail.locator(".flatpickr-calendar.open");
    PlaywrightAssertions.assertThat(calendarOpen.locator(".flatpickr-weekday").first()).hasText("man");
    PlaywrightAssertions.assertThat(calendarOpen.locator(".flatpickr-weekday").last()).hasText("søn");
    PlaywrightAssertions.assertThat(calendarOpen.locator(".flatpickr-current-month"))
        .containsText(today.format(DateTimeFormatter.ofPattern("MMMM", java.util.Locale.forLanguageTag("da"))));
    screenshot(page, "tasklist-datepicker");
    followUp.press("Escape");
    LocalDate tooLate = deadline.plusDays(5);
    enterDate(followUp, tooLate);
    complete.click();
    Locator error = page.locator(".page-notifications .alert-danger");
    String message = "Følg op den: må ikke ligge efter "
        + deadline.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    // the refusal at the field it names, in Danish, without internal ids; a short notice points at it
    Locator atField = field(form, "Følg op den").locator(".pr-server-error");
    PlaywrightAssertions.assertThat(atField).hasText(message.substring("Følg op den: ".length()));
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation.pr-refused")).hasText("Se feltet markeret med rødt.");
    PlaywrightAssertions.assertThat(form).not().containsText(decision.getId());
    // Tasklist's general error box ("Der opstod en fejl …") does not repeat it beside the field
    PlaywrightAssertions.assertThat(error).hasCount(0);
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasText(RECORD_DECISION_NAME); // the form stays open
    screenshot(page, "tasklist-invalid");
    assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(runtime.getVariable(decision.getProcessInstanceId(), "followUpDate"))
        .as("nothing of the refused submission is kept").isNull();

    // ---- second submission: a follow-up date within the deadline; the old error goes, a confirmation comes
    LocalDate followUpDate = today.plusDays(7).isAfter(deadline) ? deadline : today.plusDays(7);
    enterDate(followUp, followUpDate);
    complete.click();
    PlaywrightAssertions.assertThat(detail.locator(".no-task")).containsText("Vælg en opgave på listen.");
    PlaywrightAssertions.assertThat(taskCard(page, caseRef)).hasCount(0);
    PlaywrightAssertions.assertThat(error).hasCount(0);
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation"))
        .hasText("Opgaven \"" + RECORD_DECISION_NAME + "\" er afsluttet.");
    screenshot(page, "tasklist-completed");

    // ---- the case moved on: decision recorded, waiting for the follow-up date
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(decision.getId()).singleResult();
    assertThat(done.getEndTime()).as("task completed").isNotNull();
    assertThat(done.getAssignee()).isEqualTo(CASEWORKER);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseRef).count()).as("no open task in DEMO-3").isZero();
    assertThat(runtime.getVariable(decision.getProcessInstanceId(), "followUpDate")).isEqualTo(followUpDate.toString());
    assertThat(cases.require(caseRef).offerDecision()).as("case record").isEqualTo("UNDECIDED");
    Job followUpTimer = management.createJobQuery().processInstanceId(decision.getProcessInstanceId())
        .activityId("TimerEvent_FollowUpDateReached").singleResult();
    assertThat(followUpTimer).as("the follow-up timer").isNotNull();
    assertThat(LocalDateTime.ofInstant(followUpTimer.getDuedate().toInstant(), zone).toLocalDate())
        .isEqualTo(followUpDate);
    // the follow-up date comes (the job executor would fire the timer that morning)
    management.executeJob(followUpTimer.getId());
    Task followUpTask = openTask(caseRef, RECORD_DECISION);
    assertThat(followUpTask.getId()).isNotEqualTo(decision.getId());
    assertThat(followUpTask.getAssignee()).as("back to the contact person").isEqualTo(CONTACT_PERSON);

    // ---- the partner in Nigeria, English browser
    partnerDoesNotSeeTheCase(caseRef, followUpTask.getId());

    // ---- DRC prepares DEMO-4's reintegration plan: Danish amounts, one rule broken and corrected
    drcPreparesThePlan();
  }

  /**
   * A DRC caseworker (Danish browser) prepares the plan of DEMO-4: the case tab, the header's case
   * search, no migration banner; form-js in Danish; an amount in English notation refused in the
   * form, a children's budget above the total refused by the server at its field; corrected, the plan
   * is stored with exactly the amounts typed in Danish notation.
   */
  private void drcPreparesThePlan() {
    String caseRef = demoCase(4).caseRef();
    Task meeting = openTask(caseRef, MEET_BEFORE_DEPARTURE);
    tasks.complete(meeting.getId(), Map.of("partnerMeetingDate", LocalDate.now(zone).toString(),
        "partnerMeetingForm", "VIDEO", "planDiscussed", true));
    Task plan = openTask(caseRef, PREPARE_PLAN);

    Page page = newPage("da-DK");
    page.navigate(tasklistUrl());
    logIn(page, DRC_CASEWORKER, "Log ind");
    PlaywrightAssertions.assertThat(page.locator("[cam-widget-header] .pr-case-search a"))
        .hasAttribute("href", "/app/cases");
    PlaywrightAssertions.assertThat(page.locator("[cam-widget-header] .pr-case-search a")).hasText("Søg sag");
    PlaywrightAssertions.assertThat(page.locator(".ce-eol-banner")).isHidden();

    page.navigate(tasklistUrl() + "#/?task=" + plan.getId());
    Locator detail = page.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasText(PREPARE_PLAN_NAME);
    // the tab "Sag": the case page itself inside the task (no header of its own), and a link to open it
    detail.locator(".nav-tabs a").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*Sag\\s*$")))
        .click();
    PlaywrightAssertions.assertThat(detail.locator(".pr-case-tab a.pr-open-case"))
        .hasAttribute("href", "/app/cases/" + caseRef);
    com.microsoft.playwright.FrameLocator casePage = detail.frameLocator("iframe.pr-case-frame");
    PlaywrightAssertions.assertThat(casePage.locator("h1")).hasText("Sag " + caseRef);
    PlaywrightAssertions.assertThat(casePage.locator("dl.facts").first()).containsText("Kontaktperson");
    PlaywrightAssertions.assertThat(casePage.locator("header.app")).hasCount(0);
    PlaywrightAssertions.assertThat(casePage.locator("form.event[action$='/events']")).isVisible();
    screenshot(page, "plan-case-tab");
    detail.locator(".nav-tabs a").filter(new Locator.FilterOptions().setHasText("Formular")).click();

    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tag opgaven").setExact(true)).click();
    Locator form = detail.locator("form.fjs-form");
    Locator complete = detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afslut").setExact(true));
    PlaywrightAssertions.assertThat(complete).isEnabled();
    // the rule for amounts is in the form before anything is submitted
    PlaywrightAssertions.assertThat(field(form, "Budget i alt (DKK)")).containsText("fx 15.000,50");

    // nothing filled in: form-js marks the required fields, in Danish
    complete.click();
    PlaywrightAssertions.assertThat(field(form, "Budget i alt (DKK)").locator(".fjs-form-field-error"))
        .hasText("Feltet skal udfyldes.");
    assertThat(form.innerText()).doesNotContain("Field is required");
    screenshot(page, "plan-required");

    form.getByLabel("Bolig", new Locator.GetByLabelOptions().setExact(true)).check();
    form.getByLabel("Budget i alt (DKK)").fill("15.000,50");
    Locator monthly = form.getByLabel("Månedlig kontanthjælp (DKK)");
    monthly.fill("1,500"); // English notation: refused in the form as it is typed, never read as 1.5
    PlaywrightAssertions.assertThat(field(form, "Månedlig kontanthjælp (DKK)").locator(".fjs-form-field-error"))
        .hasText("Værdien har ikke den form, der er beskrevet under feltet.");
    PlaywrightAssertions.assertThat(complete).isDisabled();
    screenshot(page, "plan-amount-refused");
    assertThat(cases.plan(caseRef)).isEmpty();
    monthly.fill("1.500");
    PlaywrightAssertions.assertThat(field(form, "Månedlig kontanthjælp (DKK)").locator(".fjs-form-field-error"))
        .hasCount(0);

    // the children's budget above the total: refused by the server, at the field, without ids
    form.getByLabel("Planen omfatter støtte til børn").check();
    fillSettled(form.getByLabel("Antal børn i planen"), "1");
    Locator childBudget = form.getByLabel("Budget til børn (DKK)");
    fillSettled(childBudget, "20.000");
    complete.click();
    Locator childError = field(form, "Budget til børn (DKK)").locator(".pr-server-error");
    PlaywrightAssertions.assertThat(childError).hasText("må ikke være større end budgettet i alt (15.000,50)");
    PlaywrightAssertions.assertThat(page.locator(".page-notifications")).not().containsText("Cannot submit");
    assertThat(page.locator("body").innerText()).doesNotContain(plan.getId());
    screenshot(page, "plan-server-refused");
    assertThat(cases.plan(caseRef)).as("nothing of the refused submission is kept").isEmpty();

    childBudget.fill("2.500,75");
    PlaywrightAssertions.assertThat(childError).hasCount(0);
    complete.click();
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation"))
        .hasText("Opgaven \"" + PREPARE_PLAN_NAME + "\" er afsluttet.");
    PlaywrightAssertions.assertThat(page.locator(".page-notifications .alert-danger")).hasCount(0);
    screenshot(page, "plan-completed");

    var stored = cases.plan(caseRef).orElseThrow();
    assertThat(stored.budget()).isEqualByComparingTo("15000.50");
    assertThat(stored.monthlyCash()).isEqualByComparingTo("1500.00");
    assertThat(stored.childBudget()).isEqualByComparingTo("2500.75");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(plan.getProcessInstanceId())
        .variableName("planBudgetDkk").singleResult().getValue()).isEqualTo("15000.50");
  }

  /** DA | EN in the header: the choice overrides the browser's language (da-DK) and survives a reload. */
  private void languageSwitchChangesTheLoginPage(Page page) {
    Locator signIn = page.locator("form[name=signinForm] button[type=submit]");
    PlaywrightAssertions.assertThat(signIn).hasText("Log ind",
        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
    Locator languageSwitch = page.locator("[cam-widget-header] .pr-language-switch");
    PlaywrightAssertions.assertThat(languageSwitch).isVisible();
    PlaywrightAssertions.assertThat(languageSwitch.getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Dansk"))).hasAttribute("aria-pressed", "true");

    languageSwitch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("English")).click();
    PlaywrightAssertions.assertThat(signIn).hasText("Log in");
    PlaywrightAssertions.assertThat(page.locator("input[ng-model=username]")).hasAttribute("placeholder", "Username");
    PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "en");
    PlaywrightAssertions.assertThat(languageSwitch.getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("English"))).hasAttribute("aria-pressed", "true");
    assertThat(page.evaluate("key => localStorage.getItem(key)", LOCALE_KEY)).isEqualTo("en");
    screenshot(page, "tasklist-login-en");

    languageSwitch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dansk")).click();
    PlaywrightAssertions.assertThat(signIn).hasText("Log ind");
    PlaywrightAssertions.assertThat(page.locator("input[ng-model=username]")).hasAttribute("placeholder", "Brugernavn");
    assertThat(page.evaluate("key => localStorage.getItem(key)", LOCALE_KEY)).isEqualTo("da");
  }

  private void partnerDoesNotSeeTheCase(String caseRef, String hiddenTaskId) {
    CaseFile demo4 = demoCase(4);
    CaseFile demo6 = demoCase(6);
    Task meeting = openTask(demo4.caseRef(), MEET_BEFORE_DEPARTURE);
    List<String> groups = identity.createGroupQuery().groupMember(PARTNER).list().stream().map(Group::getId).toList();
    assertThat(groups).containsExactly("partner-ng");

    Page page = newPage("en-US");
    page.navigate(tasklistUrl());
    logIn(page, PARTNER, "Log in");
    PlaywrightAssertions.assertThat(page.locator(".task-filter")).hasCount(PARTNER_FILTERS.size());

    for (String filterName : PARTNER_FILTERS) {
      long expected = asUser(PARTNER, groups, () -> filters.count(filterId(filterName)));
      openFilter(page, filterName);
      PlaywrightAssertions.assertThat(page.locator(".task-filter.active .counter")).hasText(String.valueOf(expected));
      Locator cards = page.locator("ol.tasks-list > li.task");
      PlaywrightAssertions.assertThat(cards).hasCount((int) Math.min(expected, 15));
      List<String> links = cards.locator("h4.task a").all().stream().map(a -> a.getAttribute("href")).toList();
      assertThat(links).as("tasks in partner filter %s", filterName)
          .noneMatch(href -> href.endsWith("task=" + hiddenTaskId));
      assertThat(page.locator("body").innerText()).as("page text with filter %s", filterName).doesNotContain(caseRef);
      if (filterName.equals("My organisation")) {
        PlaywrightAssertions.assertThat(cards.filter(new Locator.FilterOptions().setHasText(MEET_BEFORE_DEPARTURE_NAME)))
            .hasCount(1);
        PlaywrightAssertions.assertThat(taskCard(page, demo6.caseRef())).not().hasCount(0);
        PlaywrightAssertions.assertThat(taskCard(page, demo4.caseRef())).not().hasCount(0);
        // the phases' names in English, form-js and the header in English
        PlaywrightAssertions.assertThat(cards.filter(new Locator.FilterOptions().setHasText(MEET_BEFORE_DEPARTURE_NAME)))
            .containsText("Return preparation");
        assertThat(page.locator("ol.tasks-list").innerText()).doesNotContain("Forberedelse af hjemrejsen")
            .doesNotContain("Månedlig støtte");
        PlaywrightAssertions.assertThat(page.locator("[cam-widget-header] .pr-case-search a")).hasText("Find a case");
        screenshot(page, "tasklist-partner");
      }
    }

    // opening DEMO-3's task by its id: no form, an error
    Page direct = page.context().newPage();
    openPages.add(direct);
    direct.navigate(tasklistUrl() + "#/?task=" + hiddenTaskId);
    PlaywrightAssertions.assertThat(direct.locator(".page-notifications .alert-danger"))
        .containsText("The task does not exist anymore");
    Locator detail = direct.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(detail.locator(".no-task")).containsText("Select a task in the list.");
    PlaywrightAssertions.assertThat(detail.locator("form.fjs-form")).hasCount(0);
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasCount(0);
    assertThat(direct.locator("body").innerText()).doesNotContain(RECORD_DECISION_NAME);
    screenshot(direct, "tasklist-partner-direct");
    assertThat(tasks.createTaskQuery().taskId(hiddenTaskId).count()).as("the task exists").isEqualTo(1);
    assertThat(asUser(PARTNER, groups, () -> tasks.createTaskQuery().taskId(hiddenTaskId).count()))
        .as("but the partner may not read it").isZero();

    // the same kind of link to her own task opens its form
    Page own = page.context().newPage();
    openPages.add(own);
    own.navigate(tasklistUrl() + "#/?task=" + meeting.getId());
    Locator ownDetail = own.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(ownDetail.locator("h2.task")).hasText(MEET_BEFORE_DEPARTURE_NAME);
    PlaywrightAssertions.assertThat(ownDetail.locator("form.fjs-form")).containsText("Date of the meeting");

    partnerPaysTheCashSupport(own, demo6.caseRef());
  }

  /**
   * The partner pays DEMO-6's cash support: the form shows and prefills the agreed amount in English
   * notation; a Danish-notation amount is refused in the form; a different amount needs a reason.
   */
  private void partnerPaysTheCashSupport(Page page, String caseRef) {
    Task cash = openTask(caseRef, PAY_CASH_SUPPORT);
    int month = ((Number) tasks.getVariable(cash.getId(), "supportMonth")).intValue();
    page.navigate(tasklistUrl() + "#/?task=" + cash.getId());
    Locator detail = page.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasText(PAY_CASH_SUPPORT_NAME);
    Locator form = detail.locator("form.fjs-form");
    PlaywrightAssertions.assertThat(form).containsText("Agreed monthly cash support (reintegration plan): 1,500.00 DKK");
    // dates in the text and in the date field day first, as partners abroad write them (the browser is en-US)
    LocalDate arrival = LocalDate.parse((String) tasks.getVariable(cash.getId(), "arrivalDate"));
    PlaywrightAssertions.assertThat(form).containsText("Arrival: " + arrival.getDayOfMonth() + " "
        + arrival.format(DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH)));
    PlaywrightAssertions.assertThat(form.getByLabel("Paid on")).hasAttribute("placeholder", "dd/mm/yyyy");
    Locator amount = form.getByLabel("Cash support paid (DKK)");
    PlaywrightAssertions.assertThat(amount).hasValue("1,500.00");
    detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim").setExact(true)).click();
    Locator complete = detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete").setExact(true));
    PlaywrightAssertions.assertThat(complete).isEnabled();

    amount.fill("1.200,00"); // Danish notation in an English form: refused, never read as 1.2
    PlaywrightAssertions.assertThat(field(form, "Cash support paid (DKK)").locator(".fjs-form-field-error"))
        .hasText("The value does not have the form described below the field.");
    PlaywrightAssertions.assertThat(complete).isDisabled();
    amount.fill("1,200.00");
    Locator reason = field(form, "Reason the amount differs from the agreed amount");
    PlaywrightAssertions.assertThat(reason).isVisible();
    enterDate(form.getByLabel("Paid on"), LocalDate.now(zone));
    complete.click();
    PlaywrightAssertions.assertThat(reason.locator(".pr-server-error"))
        .hasText("required, as 1,200.00 DKK is not the agreed 1,500.00 DKK");
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation.pr-refused")).hasText("See the field marked in red.");
    PlaywrightAssertions.assertThat(page.locator(".page-notifications .alert-danger")).hasCount(0);
    screenshot(page, "cash-reason-required");
    assertThat(payments(caseRef, month)).as("nothing paid by the refused submission").isEmpty();

    reason.locator(".fjs-input-group").click();
    reason.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions()
        .setHasText("Paid for part of the month only")).click();
    complete.click();
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation"))
        .hasText("The task \"" + PAY_CASH_SUPPORT_NAME + "\" is completed.");
    screenshot(page, "cash-paid");
    assertThat(payments(caseRef, month)).containsExactly(new java.math.BigDecimal("1200.00"));
  }

  private List<java.math.BigDecimal> payments(String caseRef, int month) {
    return jdbc.sql("SELECT amount FROM case_payment WHERE case_ref = ? AND support_month = ? AND kind = 'CASH'")
        .params(caseRef, month).query(java.math.BigDecimal.class).list().stream()
        .map(a -> a.setScale(2)).toList();
  }

  // ---- browser helpers

  private Page newPage(String locale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale(locale)
        .setTimezoneId(zone.getId())
        .setViewportSize(1400, 900));
    context.setDefaultTimeout(45_000);
    Page page = context.newPage();
    openPages.add(page);
    return page;
  }

  private String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private void logIn(Page page, String user, String signInLabel) {
    page.locator("input[ng-model=username]").fill(user);
    page.locator("input[ng-model=password]").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(signInLabel).setExact(true)).click();
    PlaywrightAssertions.assertThat(page.locator("[cam-widget-header] li.account")).containsText(fullName(user));
  }

  private static void openFilter(Page page, String name) {
    page.locator(".task-filter h4.name a").filter(new Locator.FilterOptions()
        .setHasText(Pattern.compile("^\\s*" + jsRegexLiteral(name) + "\\b"))).click();
    PlaywrightAssertions.assertThat(page.locator(".task-filter.active h4.name")).containsText(name);
    PlaywrightAssertions.assertThat(page.locator(".task-filter.active .counter")).isVisible();
  }

  /** Playwright hands patterns to the browser as JavaScript regular expressions: no \\Q...\\E there. */
  private static String jsRegexLiteral(String text) {
    return text.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0");
  }

  /** The cards of the task list whose "Sag"/"Case" column shows the case reference. */
  private static Locator taskCard(Page page, String caseRef) {
    return page.locator("ol.tasks-list > li.task").filter(new Locator.FilterOptions()
        .setHas(page.locator(".variable-value", new Page.LocatorOptions().setHasText(caseRef))));
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  // ---- engine helpers

  private CaseFile demoCase(int n) {
    return cases.findByReferrer("politi", "DEMO-" + n)
        .orElseThrow(() -> new AssertionError("demo case DEMO-" + n + " missing: are the demo cases on?"));
  }

  private Task openTask(String caseRef, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseRef).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseRef).isNotNull();
    return task;
  }

  private String fullName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user.getFirstName() + " " + user.getLastName();
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private <T> T asUser(String user, List<String> groups, java.util.function.Supplier<T> call) {
    identity.setAuthentication(user, groups);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
