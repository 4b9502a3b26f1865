package dk.preparedreturn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pages' texts exist in both languages: the same keys in Danish and English, none empty, and
 * the base bundle empty (so a text missing in Danish never shows up in English, or the reverse).
 */
class MessageBundlesTest {

  @Test
  void danishAndEnglishHaveTheSameTexts() throws Exception {
    Properties danish = load("messages_da.properties");
    Properties english = load("messages_en.properties");
    Set<String> onlyDanish = new HashSet<>(danish.stringPropertyNames());
    onlyDanish.removeAll(english.stringPropertyNames());
    Set<String> onlyEnglish = new HashSet<>(english.stringPropertyNames());
    onlyEnglish.removeAll(danish.stringPropertyNames());
    // the task names: Danish tasks are named in Danish in the models and translated for partners, and
    // the reverse; only those keys may be in one bundle alone
    onlyDanish.removeIf(key -> key.startsWith("task."));
    onlyEnglish.removeIf(key -> key.startsWith("task."));
    assertThat(onlyDanish).as("only in Danish").isEmpty();
    assertThat(onlyEnglish).as("only in English").isEmpty();
    danish.forEach((key, value) -> assertThat(value.toString()).as("da " + key).isNotBlank());
    english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
    assertThat(load("messages.properties")).as("the base bundle").isEmpty();
    assertThat(danish.getProperty("date.pattern")).isEqualTo("dd.MM.yyyy");
  }

  /** The refusals too: the same keys in both languages, none empty, the base bundle empty. */
  @Test
  void everyRefusalInBothLanguages() throws Exception {
    Properties danish = load("validation_da.properties");
    Properties english = load("validation_en.properties");
    assertThat(danish.stringPropertyNames()).as("keys").isEqualTo(english.stringPropertyNames()).isNotEmpty();
    danish.forEach((key, value) -> assertThat(value.toString()).as("da " + key).isNotBlank());
    english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
    assertThat(load("validation.properties")).as("the base bundle").isEmpty();
  }

  static Properties load(String name) throws Exception {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(MessageBundlesTest.class.getClassLoader().getResourceAsStream(name),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
