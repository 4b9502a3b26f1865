package dk.preparedreturn.casepage;

import dk.preparedreturn.testsupport.DebianChromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The service's own pages in a real browser (Debian's Chromium driven by Playwright) on the
 * embedded default with its demo users and cases: the case page, the case search, the deadline
 * calendar and the managers' reports, as a Danish caseworker (cmm-karen), a partner (ng-ngozi) and a
 * manager (mgr-lars). Screenshots go to {@code target/screenshots/pages-*.png}; look at them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "app.mail-catcher.enabled=false",
    "spring.jmx.enabled=false",
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"
})
@ExcludeFromProcessCoverage
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class PagesBrowserIT {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final String PASSWORD = "demo";

  private static DebianChromium.Session chromium;
  private static Browser browser;

  @LocalServerPort
  int port;
  @Autowired
  CaseService cases;
  @Autowired
  org.camunda.bpm.engine.ProcessEngine engine;

  @BeforeAll
  static void launchBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    chromium = DebianChromium.start();
    browser = chromium.browser();
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void danishCaseworkerPartnerAndManagerSeeThePages() {
    String demo4 = demoCase(4).caseRef();
    String demo6 = demoCase(6).caseRef();

    // a CMM caseworker (Danish): the case with the person, the calendar, the search by name
    Page cmm = signedIn("cmm-karen", "da-DK", "tasklist", "Log ind");
    cmm.navigate(url("/app/cases/" + demo4));
    PlaywrightAssertions.assertThat(cmm.locator("h1")).hasText("Sag " + demo4);
    PlaywrightAssertions.assertThat(cmm.locator("main")).containsText("Seksuel udnyttelse");
    PlaywrightAssertions.assertThat(cmm.locator("main")).containsText("Der er indikatorer på menneskehandel");
    screenshot(cmm, "pages-case-cmm");
    cmm.getByText("Alle frister i sagen").click();
    PlaywrightAssertions.assertThat(cmm.locator("h1")).hasText("Frister i sag " + demo4);
    PlaywrightAssertions.assertThat(cmm.locator("main")).not().containsText("LeadTimes");
    screenshot(cmm, "pages-deadlines-cmm");
    cmm.locator("header form.search input[name=q]").fill("fiktiv person");
    cmm.locator("header form.search button").click();
    PlaywrightAssertions.assertThat(cmm.locator("h1")).hasText("Find en sag");
    PlaywrightAssertions.assertThat(cmm.locator("main table")).containsText(demo4);
    screenshot(cmm, "pages-search-cmm");
    cmm.navigate(url("/app/cases/" + demo6));
    // the documents: CMM sees the passport copy and the partner's report, without the partner's file name
    PlaywrightAssertions.assertThat(cmm.locator("table.documents")).containsText("Kopi af rejsedokument");
    PlaywrightAssertions.assertThat(cmm.locator("table.documents")).containsText("Statusrapport");
    PlaywrightAssertions.assertThat(cmm.locator("table.documents")).not().containsText("progress-report-month-3.pdf");
    screenshot(cmm, "pages-case-reintegration-cmm");

    // the partner in Nigeria (English): her case without the exploitation type
    Page partner = signedIn("ng-ngozi", "en-US", "tasklist", "Log in");
    partner.navigate(url("/app/cases/" + demo6));
    PlaywrightAssertions.assertThat(partner.locator("h1")).hasText("Case " + demo6);
    PlaywrightAssertions.assertThat(partner.locator("main")).not().containsText("exploitation");
    // her own report with its file name, not the passport copy, and the upload form
    PlaywrightAssertions.assertThat(partner.locator("table.documents")).containsText("progress-report-month-3.pdf");
    PlaywrightAssertions.assertThat(partner.locator("table.documents")).not().containsText("travel document");
    PlaywrightAssertions.assertThat(partner.locator("#documentKind")).containsText("Receipt");
    screenshot(partner, "pages-case-partner");
    partner.navigate(url("/app/cases/" + demo6 + "/deadlines"));
    screenshot(partner, "pages-deadlines-partner");
    partner.navigate(url("/app/cases?q=" + demoCase(7).caseRef()));
    PlaywrightAssertions.assertThat(partner.locator("main")).containsText("No case found"); // Thailand's case
    screenshot(partner, "pages-search-partner");

    // a manager (Cockpit's session): the report, the cases behind a figure, a case without the person
    Page manager = signedIn("mgr-lars", "da-DK", "cockpit", null);
    manager.navigate(url("/app/reports"));
    PlaywrightAssertions.assertThat(manager.locator("h1")).containsText("ledelsesrapport");
    PlaywrightAssertions.assertThat(manager.locator("svg polyline")).hasCount(4);
    screenshot(manager, "pages-reports-manager");
    manager.locator("a.tile").first().click();
    PlaywrightAssertions.assertThat(manager.locator("h1")).hasText("Åbne sager");
    screenshot(manager, "pages-report-cases-manager");
    manager.locator("main table a").first().click();
    PlaywrightAssertions.assertThat(manager.locator("main")).containsText("Din organisation ser ikke personens oplysninger.");
    screenshot(manager, "pages-case-manager");

    // Cockpit as the manager sees it: read only, without Camunda 8's banner; the main instance and a
    // support month's tasks (who holds them), no button that would change an instance
    String main = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(demo6)
        .processDefinitionKey("PreparedReturn").singleResult().getId();
    String month = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(demo6)
        .processDefinitionKey("SupportMonth").list().get(0).getId();
    manager.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + main + "/runtime"));
    PlaywrightAssertions.assertThat(manager.locator("body.pr-read-only")).hasCount(1);
    PlaywrightAssertions.assertThat(manager.locator("[ng-click^=enableEditMode]").first()).isAttached();
    assertThat(manager.locator("[ng-click^=enableEditMode], [ng-click^=deleteVariable]").all())
        .as("variable edit and delete buttons").isNotEmpty().noneMatch(Locator::isVisible);
    PlaywrightAssertions.assertThat(manager.locator(".ctn-toolbar").first()).isHidden();
    PlaywrightAssertions.assertThat(manager.locator(".ce-eol-banner")).isHidden();
    screenshot(manager, "cockpit-instance-manager");
    manager.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + month + "/runtime?tab=user-tasks-tab"));
    PlaywrightAssertions.assertThat(manager.locator("[ng-click^=changeGroupIdentityLinks]").first()).isAttached();
    assertThat(manager.locator("[ng-click^=changeGroupIdentityLinks], [ng-click^=changeUserIdentityLinks], .edit-toggle")
        .all()).as("assignee and candidate-group buttons").noneMatch(Locator::isVisible);
    screenshot(manager, "cockpit-month-manager");

    // an administrator keeps every action and sees the banner
    Page admin = signedIn("demo", "da-DK", "cockpit", null);
    admin.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + main + "/runtime"));
    PlaywrightAssertions.assertThat(admin.locator("body.pr-admin")).hasCount(1);
    PlaywrightAssertions.assertThat(admin.locator(".ctn-toolbar").first()).isVisible();
    PlaywrightAssertions.assertThat(admin.locator("[ng-click^=enableEditMode]").first()).isVisible();
    PlaywrightAssertions.assertThat(admin.locator("body.pr-read-only")).hasCount(0);
    screenshot(admin, "cockpit-instance-admin");
  }

  private Page signedIn(String user, String locale, String app, String signIn) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
        .setTimezoneId("Europe/Copenhagen").setViewportSize(1400, 900));
    context.setDefaultTimeout(20_000);
    Page page = context.newPage();
    page.navigate(url("/camunda/app/" + app + "/default/"));
    if (signIn != null) {
      // Tasklist's login page in the browser's language
      PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(signIn)
          .setExact(true))).isVisible();
    }
    dk.preparedreturn.testsupport.TasklistDriver.logIn(page, user, PASSWORD);
    return page;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private CaseFile demoCase(int n) {
    return cases.findByReferrer("politi", "DEMO-" + n)
        .orElseThrow(() -> new AssertionError("demo case DEMO-" + n + " missing"));
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
