package dk.preparedreturn.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Danish Tasklist locale ({@code locales/da.json}) and the {@code scripts/config.js}
 * override against the English locale shipped in the Camunda webjar. Plain JUnit, no Spring
 * context: when a Camunda upgrade adds or renames Tasklist labels, this test names them.
 */
class DanishTasklistLocaleTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final String EN_JSON = TASKLIST + "locales/en.json";
  private static final String DA_JSON = TASKLIST + "locales/da.json";
  private static final String CONFIG_JS = TASKLIST + "scripts/config.js";

  /** Angular-translate interpolations such as {@code {{ name }}} and moment tokens ({@code %d}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[ds]");
  /** Real HTML markup in labels (links, line breaks); not pseudo tags such as {@code <null>}. */
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|em|i|p|span|strong)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static Map<String, JsonNode> english;
  private static Map<String, JsonNode> danish;

  @BeforeAll
  static void loadLocales() throws IOException {
    english = leaves(read(the(EN_JSON)));
    danish = leaves(read(the(DA_JSON)));
  }

  @Test
  void englishLocaleIsTheOneFromTheCamundaWebjar() throws IOException {
    List<URL> copies = all(EN_JSON);
    assertThat(copies)
        .as("exactly one en.json on the classpath (the application must not shadow it)")
        .hasSize(1);
    assertThat(copies.get(0).getProtocol()).isEqualTo("jar");
    assertThat(copies.get(0).toString()).contains("camunda-webapp-webjar");
    assertThat(english).as("en.json has labels").isNotEmpty();
  }

  @Test
  void danishLocaleIsTheApplicationsOwnFile() {
    URL da = the(DA_JSON);
    assertThat(da.getProtocol())
        .as("da.json should come from the application's resources, not a jar: %s", da)
        .isEqualTo("file");
  }

  @Test
  void danishHasExactlyTheKeysOfEnglish() {
    Set<String> missing = new LinkedHashSet<>(english.keySet());
    missing.removeAll(danish.keySet());
    Set<String> extra = new LinkedHashSet<>(danish.keySet());
    extra.removeAll(english.keySet());

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(missing).as("keys of en.json missing in da.json").isEmpty();
    softly.assertThat(extra).as("keys in da.json that en.json does not have").isEmpty();
    softly.assertAll();
  }

  @Test
  void danishKeepsTheKeyOrderOfEnglish() {
    assertThat(new ArrayList<>(danish.keySet()))
        .as("da.json keys in en.json order (makes diffs after a Camunda upgrade readable)")
        .containsExactlyElementsOf(english.keySet());
  }

  @Test
  void everyEnglishPlaceholderAndHtmlTagIsKept() {
    SoftAssertions softly = new SoftAssertions();
    english.forEach((key, en) -> {
      JsonNode da = danish.get(key);
      if (da == null || !en.isTextual()) {
        return;
      }
      for (String placeholder : matches(PLACEHOLDER, en.asText())) {
        softly.assertThat(da.asText()).as("placeholder %s in %s", placeholder, key).contains(placeholder);
      }
      softly.assertThat(matches(HTML_TAG, da.asText()))
          .as("HTML tags in %s", key)
          .containsExactlyInAnyOrderElementsOf(matches(HTML_TAG, en.asText()));
    });
    softly.assertAll();
  }

  @Test
  void noDanishValueIsEmpty() {
    SoftAssertions softly = new SoftAssertions();
    english.forEach((key, en) -> {
      JsonNode da = danish.get(key);
      if (da == null) {
        return; // reported by danishHasExactlyTheKeysOfEnglish
      }
      softly.assertThat(da.getNodeType()).as("JSON type of %s", key).isEqualTo(en.getNodeType());
      // en.json itself has an empty label (NO_TASK_FORM); only that may stay empty.
      if (en.isTextual() && !en.asText().isBlank()) {
        softly.assertThat(da.asText()).as("Danish text of %s", key).isNotBlank();
      }
    });
    softly.assertAll();
  }

  @Test
  void configJsOffersDanishAndFallsBackToEnglish() throws IOException {
    List<URL> copies = all(CONFIG_JS);
    assertThat(copies).as("config.js in the webjar and in the application").hasSize(2);
    assertThat(copies.get(0).getProtocol())
        .as("the application's config.js must come first on the classpath, so it wins")
        .isEqualTo("file");

    String code = withoutComments(text(copies.get(0)));
    assertThat(code).contains("export default {");

    Matcher locales = Pattern.compile("\\blocales\\s*:\\s*\\{([^}]*)}").matcher(code);
    assertThat(locales.find()).as("an active (uncommented) locales setting in config.js").isTrue();
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(locales.group(1));
    assertThat(available.find()).as("availableLocales in the locales setting").isTrue();
    assertThat(matches(Pattern.compile("(?<=['\"])[\\w-]+(?=['\"])"), available.group(1)))
        .contains("da", "en");
    Matcher fallback = Pattern.compile("fallbackLocale\\s*:\\s*['\"]([\\w-]+)['\"]").matcher(locales.group(1));
    assertThat(fallback.find()).as("fallbackLocale in the locales setting").isTrue();
    assertThat(fallback.group(1)).isEqualTo("en");
  }

  @Test
  void configJsStillHasEverySettingOfTheWebjarOriginal() throws IOException {
    List<URL> copies = all(CONFIG_JS);
    URL original = copies.stream().filter(u -> u.getProtocol().equals("jar")).findFirst().orElseThrow();
    URL override = copies.stream().filter(u -> u.getProtocol().equals("file")).findFirst().orElseThrow();
    // After a Camunda upgrade, re-copy the webjar's config.js and add the locales setting again.
    assertThat(withoutComments(text(override)).lines().map(String::strip).toList())
        .as("override %s keeps the lines of %s", override, original)
        .containsSubsequence(withoutComments(text(original)).lines().map(String::strip)
            .filter(line -> !line.isEmpty()).toList());
  }

  private static URL the(String resource) {
    URL url = DanishTasklistLocaleTest.class.getClassLoader().getResource(resource);
    assertThat(url).as("%s on the test classpath", resource).isNotNull();
    return url;
  }

  private static List<URL> all(String resource) throws IOException {
    return Collections.list(DanishTasklistLocaleTest.class.getClassLoader().getResources(resource));
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the UTF-8 BOM that the webjar's en.json starts with
    }
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Key path (e.g. {@code labels.CLAIM_TASK}, {@code dateLocales.months[0]}) to leaf value, in file order. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  /** Drops block comments and whole-line {@code //} comments (config.js has no URLs in code). */
  private static String withoutComments(String js) {
    return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
