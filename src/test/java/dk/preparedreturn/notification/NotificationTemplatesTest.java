package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.notification.MailTemplates.Mail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The mail templates (no Spring context): every kind exists in Danish and English, starts with a
 * subject line, uses only the allowed placeholders, and renders without a placeholder left over.
 */
class NotificationTemplatesTest {

  static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{[^{}\\s]*}");
  static final Map<String, String> SAMPLE = Map.of(
      "caseRef", "FH-2026-00042",
      "taskName", "Book fly",
      "dueDate", "2026-04-02 23:59",
      "deadline", "2026-04-02",
      "link", "https://tasklist.example.test/camunda/app/tasklist/default/#/?task=abc",
      "caseLink", "https://tasklist.example.test/app/cases/FH-2026-00042");

  @Test
  void everyKindHasADanishAndAnEnglishTemplateThatRendersCompletely() throws IOException {
    assertThatCode(MailTemplates::new).doesNotThrowAnyException();
    MailTemplates templates = new MailTemplates();
    for (NotificationKind kind : NotificationKind.values()) {
      for (Audience language : Audience.values()) {
        String name = kind + "." + MailTemplates.code(language);
        String raw = load("mail/" + name + ".txt");
        assertThat(raw).as(name).startsWith("Subject: ");
        Matcher used = Pattern.compile("\\{([a-zA-Z]+)}").matcher(raw);
        while (used.find()) {
          assertThat(MailTemplates.PLACEHOLDERS).as(name + " uses " + used.group()).contains(used.group(1));
        }
        assertThat(raw).as(name + " names the case").contains("{caseRef}");
        assertThat(raw).as(name + " links to Tasklist").contains("{link}");
        assertThat(raw).as(name + " links to the case page").contains("{caseLink}");

        Mail mail = templates.render(kind, language, SAMPLE);
        assertThat(mail.subject()).as(name + " subject").isNotBlank().doesNotContain("\n")
            .doesNotContain("Subject:").contains("FH-2026-00042");
        assertThat(ANY_PLACEHOLDER.matcher(mail.subject()).find()).as(name + " subject: " + mail.subject()).isFalse();
        assertThat(ANY_PLACEHOLDER.matcher(mail.body()).find()).as(name + " body: " + mail.body()).isFalse();
        assertThat(mail.body()).as(name).contains("FH-2026-00042", SAMPLE.get("link"))
            .doesNotStartWith("Subject");
        for (String placeholder : MailTemplates.PLACEHOLDERS) {
          if (raw.contains("{" + placeholder + "}")) {
            assertThat(mail.subject() + "\n" + mail.body()).as(name + " renders {" + placeholder + "}")
                .contains(SAMPLE.get(placeholder));
          }
        }
        if (language == Audience.DANISH) {
          assertThat(mail.body()).as(name + " is Danish").contains("Sag:", "Denne e-mail indeholder ingen personoplysninger");
        } else {
          assertThat(mail.body()).as(name + " is English").contains("Case:", "This e-mail contains no personal data");
        }
      }
      assertThat(templates.render(kind, Audience.DANISH, SAMPLE).subject())
          .as(kind + ": the languages differ").isNotEqualTo(templates.render(kind, Audience.ENGLISH, SAMPLE).subject());
    }
  }

  @Test
  void aMissingValueRendersAsADashNeverAsAPlaceholder() {
    MailTemplates templates = new MailTemplates();
    Map<String, String> onlyTheCase = new HashMap<>();
    onlyTheCase.put("caseRef", "FH-2026-00042");
    for (NotificationKind kind : NotificationKind.values()) {
      for (Audience language : Audience.values()) {
        Mail mail = templates.render(kind, language, onlyTheCase);
        assertThat(ANY_PLACEHOLDER.matcher(mail.subject() + mail.body()).find()).as(kind + "." + language).isFalse();
        assertThat(mail.subject()).contains("FH-2026-00042");
      }
    }
  }

  private static String load(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }
}
