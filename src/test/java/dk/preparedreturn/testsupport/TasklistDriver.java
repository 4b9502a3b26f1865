package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Works Tasklist in Debian's Chromium the way a caseworker does: signs in, opens a task, claims it,
 * types, picks, ticks and completes, in the user's language. A form is filled from the values a
 * step names by their keys; which control each key is (radio, checkbox, checklist, select, text,
 * number, date) and what its label and options read come from the deployed form file in
 * {@code processes/forms}, so a test names values, never screen texts that a process owner may change.
 */
public final class TasklistDriver {

  public static final String PASSWORD = "demo";

  private final Browser browser;
  private final String base;
  private final String timeZone;
  private final Path screenshots;
  private final ObjectMapper json = new ObjectMapper();

  public TasklistDriver(Browser browser, int port, String timeZone, Path screenshots) {
    this.browser = browser;
    this.base = "http://localhost:" + port;
    this.timeZone = timeZone;
    this.screenshots = screenshots;
  }

  public String url(String path) {
    return base + path;
  }

  /** A browser of its own (locale {@code da-DK} or {@code en-GB}/{@code en-US}) signed in to Tasklist. */
  public Page signIn(String user, String locale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
        .setTimezoneId(timeZone).setViewportSize(1400, 900));
    context.setDefaultTimeout(45_000);
    Page page = context.newPage();
    page.navigate(url("/camunda/app/tasklist/default/"));
    logIn(page, user, PASSWORD);
    return page;
  }

  /**
   * Signs in on a Camunda webapp's login page (Tasklist or Cockpit) and waits for the header with
   * the account. The login page may still be rendered again just after it appears (Tasklist's
   * language switch loads the chosen locale), which can swallow what was typed or the click; the
   * sign-in is then done again, up to three times, as a person would.
   */
  public static void logIn(Page page, String user, String password) {
    Locator account = page.locator("[cam-widget-header] li.account");
    for (int attempt = 0; attempt < 3; attempt++) {
      page.locator("input[ng-model=username]").fill(user);
      page.locator("input[ng-model=password]").fill(password);
      page.locator("form button[type=submit]").first().click();
      try {
        account.waitFor(new Locator.WaitForOptions().setTimeout(15_000));
        return;
      } catch (com.microsoft.playwright.TimeoutError notSignedIn) {
        // still on the login page: type and sign in again
      }
    }
    PlaywrightAssertions.assertThat(account).isVisible();
  }

  /** Whether the page's Tasklist is Danish (its language, as task-forms.js reads it). */
  public static boolean danish(Page page) {
    String language = (String) page.evaluate("() => (navigator.languages && navigator.languages[0]) || navigator.language");
    return language != null && language.toLowerCase().startsWith("da");
  }

  /** Opens the task by its link (as from a mail), claims it and returns its form. */
  public Locator openAndClaim(Page page, String taskId, String taskName) {
    page.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    Locator detail = page.locator("[cam-tasklist-task]");
    PlaywrightAssertions.assertThat(detail.locator("h2.task")).hasText(taskName);
    Locator claim = detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName(Pattern.compile("^(Tag opgaven|Claim)$")));
    if (claim.count() > 0) {
      claim.click();
    }
    Locator complete = completeButton(page);
    PlaywrightAssertions.assertThat(complete).isEnabled();
    return detail.locator("form.fjs-form");
  }

  /** Fills the form: each key of {@code values} as its control in {@code processes/forms/<formKey>.form} takes it. */
  public void fill(Locator form, String formKey, Map<String, ?> values) {
    JsonNode schema = schema(formKey);
    values.forEach((key, value) -> {
      JsonNode component = component(schema.path("components"), key);
      assertThat(component).as("field %s in form %s", key, formKey).isNotNull();
      String type = component.path("type").asText();
      String label = label(component);
      switch (type) {
        case "radio" -> field(form, label).getByLabel(option(component, value.toString()),
            new Locator.GetByLabelOptions().setExact(true)).check();
        case "checkbox" -> {
          Locator box = form.getByLabel(label);
          if (Boolean.TRUE.equals(value)) {
            box.check();
          } else {
            box.uncheck();
          }
        }
        case "checklist" -> {
          for (Object item : (Collection<?>) value) {
            field(form, label).getByLabel(option(component, item.toString()),
                new Locator.GetByLabelOptions().setExact(true)).check();
          }
        }
        case "select" -> {
          Locator select = field(form, label);
          select.locator(".fjs-input-group").click();
          String shown = component.has("valuesKey") ? value.toString() : option(component, value.toString());
          select.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(shown)).first().click();
        }
        case "datetime" -> enterDate(form.getByLabel(label), (LocalDate) value);
        default -> fillSettled(form.getByLabel(label), value.toString());
      }
    });
  }

  /** Completes the task and waits for the confirmation "Opgaven … er afsluttet." / "The task … is completed.". */
  public void complete(Page page, String taskName) {
    boolean danish = danish(page);
    completeButton(page).click();
    PlaywrightAssertions.assertThat(page.locator(".pr-confirmation")).hasText(danish
        ? "Opgaven \"" + taskName + "\" er afsluttet." : "The task \"" + taskName + "\" is completed.");
    PlaywrightAssertions.assertThat(page.locator(".page-notifications .alert-danger")).hasCount(0);
  }

  public Locator completeButton(Page page) {
    return page.locator("[cam-tasklist-task]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
        .setName(Pattern.compile("^(Afslut|Complete)$")));
  }

  /** The form field (label, control, description, errors) whose label is {@code label}. */
  public static Locator field(Locator form, String label) {
    // a group's label (radio, checklist) names no input, so match the label element's text itself
    Pattern text = Pattern.compile("^\\s*" + label.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0")
        + "\\s*\\*?\\s*$");
    return form.locator(".fjs-form-field").filter(new Locator.FilterOptions()
        .setHas(form.page().locator(".fjs-form-field-label").filter(new Locator.FilterOptions().setHasText(text))));
  }

  public void screenshot(Page page, String name) {
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")));
  }

  /**
   * Fills a field that a form condition has just shown: form-js may still render the form again
   * (the condition's effect) and drop what was typed a few milliseconds earlier, which a person
   * typing never meets but a test under load does; so fill, let the form settle, and fill again if
   * the value did not stay.
   */
  public static void fillSettled(Locator field, String value) {
    for (int attempt = 0; attempt < 5; attempt++) {
      field.fill(value);
      field.page().waitForTimeout(250);
      if (value.equals(field.inputValue())) {
        return;
      }
    }
    PlaywrightAssertions.assertThat(field).hasValue(value);
  }

  /** Types a date in the form-js date field in the format it shows as placeholder (browser locale). */
  public static void enterDate(Locator field, LocalDate date) {
    String placeholder = field.getAttribute("placeholder");
    assertThat(placeholder).as("date placeholder").matches("(?i)[dmy./\\- ]+");
    String pattern = placeholder.toLowerCase().replace("mm", "MM");
    String text = date.format(DateTimeFormatter.ofPattern(pattern));
    // form-js shows the date again in its own format, which may drop leading zeros ("2.12.2026")
    Pattern dayMonthYear = Pattern.compile("^" + pattern.replace("dd", "0?" + date.getDayOfMonth())
        .replace("MM", "0?" + date.getMonthValue()).replace("yyyy", String.valueOf(date.getYear()))
        .replace(".", "\\.") + "$");
    // a date field a condition has just shown may be rendered again and lose what was typed (see fillSettled)
    for (int attempt = 0; attempt < 5; attempt++) {
      field.fill(text);
      field.press("Tab");
      field.page().waitForTimeout(250);
      if (dayMonthYear.matcher(field.inputValue()).matches()) {
        return;
      }
    }
    PlaywrightAssertions.assertThat(field).hasValue(dayMonthYear);
  }

  private JsonNode schema(String formKey) {
    try {
      return json.readTree(Path.of("processes", "forms", formKey + ".form").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode component(JsonNode components, String key) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText(null))) {
        return component;
      }
      if (component.has("components")) {
        JsonNode nested = component(component.get("components"), key);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static String label(JsonNode component) {
    return component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel").asText();
  }

  private static String option(JsonNode component, String value) {
    for (JsonNode option : component.path("values")) {
      if (value.equals(option.path("value").asText())) {
        return option.path("label").asText();
      }
    }
    throw new AssertionError("no option " + value + " in field " + component.path("key").asText());
  }
}
