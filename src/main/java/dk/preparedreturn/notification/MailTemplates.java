package dk.preparedreturn.notification;

import dk.preparedreturn.identity.Audience;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Mail templates in {@code src/main/resources/mail/<KIND>.<language>.txt}: the first line is
 * {@code Subject: ...}, the rest the body. Templates can use only these placeholders, so no
 * personal data can reach a mail: {@code {caseRef} {taskName} {dueDate} {deadline} {link} {caseLink}} (links from the
 * configured public address, {@code PUBLIC_URL}).
 */
@Component
public class MailTemplates {

  public static final Set<String> PLACEHOLDERS = Set.of("caseRef", "taskName", "dueDate", "deadline", "link",
      "caseLink");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  public record Mail(String subject, String body) {
  }

  private final Map<NotificationKind, Map<Audience, String>> templates = new EnumMap<>(NotificationKind.class);

  public MailTemplates() {
    for (NotificationKind kind : NotificationKind.values()) {
      Map<Audience, String> byLanguage = new EnumMap<>(Audience.class);
      for (Audience language : Audience.values()) {
        String text = load("mail/" + kind.name() + "." + code(language) + ".txt");
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            throw new IllegalStateException("Template " + kind + "." + code(language) + " uses {" + m.group(1)
                + "}; allowed are " + PLACEHOLDERS);
          }
        }
        if (!text.startsWith("Subject: ")) {
          throw new IllegalStateException("Template " + kind + "." + code(language) + " must start with 'Subject: '");
        }
        byLanguage.put(language, text);
      }
      templates.put(kind, byLanguage);
    }
  }

  public Mail render(NotificationKind kind, Audience language, Map<String, String> values) {
    String text = templates.get(kind).get(language);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "-")));
    }
    m.appendTail(out);
    String rendered = out.toString();
    int newline = rendered.indexOf('\n');
    return new Mail(rendered.substring("Subject: ".length(), newline).trim(), rendered.substring(newline + 1).strip());
  }

  /** The template's language code: da, en. */
  static String code(Audience language) {
    return language.locale().getLanguage();
  }

  private static String load(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Missing mail template " + path, e);
    }
  }

}
