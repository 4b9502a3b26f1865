package dk.preparedreturn.identity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The service's texts in the audience's language, from the message bundles ({@code messages_da},
 * {@code messages_en} for pages, {@code validation_da}, {@code validation_en} for refusals): no text
 * for users is written in code, and a text missing in one language fails {@code MessageBundlesTest}.
 */
@Component
public class Texts {

  private final MessageSource messages;

  public Texts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of the key in the audience's language, its {0}, {1} … filled with the arguments. */
  public String get(Audience audience, String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : arguments, audience.locale());
  }

  /** A day as the audience writes it (07.12.2026 in Danish, 7 Dec 2026 in English). */
  public String date(Audience audience, LocalDate day) {
    return DateTimeFormatter.ofPattern(get(audience, "date.pattern"), audience.locale()).format(day);
  }

  /** A day and time of day as the audience writes them (07.12.2026 23:59, 7 Dec 2026 23:59). */
  public String dateTime(Audience audience, LocalDateTime at) {
    return DateTimeFormatter.ofPattern(get(audience, "datetime.pattern"), audience.locale()).format(at);
  }
}
