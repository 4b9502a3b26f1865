package dk.preparedreturn.web;

import dk.preparedreturn.identity.Groups;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * Dates, organisations and countries as a page shows them to its reader: Danish dates (dd.MM.yyyy)
 * and names for the Danish organisations, English for the partners; times in Danish time whatever
 * the server's zone. Used by the templates ({@code ${fmt.date(...)}}).
 */
public final class PageFormat {

  private final MessageSource messages;
  private final Locale locale;
  private final ZoneId zone;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  public PageFormat(MessageSource messages, Locale locale, ZoneId zone) {
    this.messages = messages;
    this.locale = locale;
    this.zone = zone;
    this.date = DateTimeFormatter.ofPattern(messages.getMessage("date.pattern", null, locale), locale);
    this.dateTime = DateTimeFormatter.ofPattern(messages.getMessage("datetime.pattern", null, locale), locale);
  }

  public String date(LocalDate day) {
    return day == null ? "" : date.format(day);
  }

  public String date(Date instant) {
    return instant == null ? "" : date.format(instant.toInstant().atZone(zone));
  }

  public String date(String isoDate) {
    try {
      return isoDate == null ? "" : date.format(LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate));
    } catch (RuntimeException e) {
      return isoDate;
    }
  }

  public String dateTime(Date instant) {
    return instant == null ? "" : dateTime.format(instant.toInstant().atZone(zone));
  }

  public String dateTime(java.time.Instant instant) {
    return instant == null ? "" : dateTime.format(instant.atZone(zone));
  }

  /** An organisation's name: Danish groups by name, a partner as "Partner in Nigeria". */
  public String org(String group) {
    if (group == null) {
      return "";
    }
    if (Groups.isPartnerGroup(group)) {
      String rest = group.substring(Groups.PARTNER_PREFIX.length());
      String code = rest.length() >= 2 ? rest.substring(0, 2) : rest;
      String region = rest.length() > 3 ? " (" + rest.substring(3) + ")" : "";
      return messages.getMessage("org.partner", new Object[] {country(code) + region}, locale);
    }
    try {
      return messages.getMessage("org." + group, null, locale);
    } catch (NoSuchMessageException e) {
      return group;
    }
  }

  /** A country's name from its ISO code, in the reader's language. */
  public String country(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
    return name.isBlank() ? code : name;
  }

  /** A field of the person's data as its reader expects it: dates, countries, languages and codes in words. */
  public String person(String field, Object value) {
    if (value == null) {
      return "";
    }
    return switch (field) {
      case "dateOfBirth" -> value instanceof LocalDate day ? date(day) : date(value.toString());
      case "nationality" -> country(value.toString());
      case "preferredLanguage" -> language(value.toString());
      case "hasChildren" -> message(Boolean.TRUE.equals(value) ? "value.yes" : "value.no", value.toString());
      case "gender", "exploitationType" -> message("person." + field + "." + value, value.toString());
      default -> value.toString();
    };
  }

  /** A language's name from its ISO code, in the reader's language. */
  public String language(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
    return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
  }

  /** A text of the reader's bundle, or the fallback when it has none. */
  public String message(String key, String fallback) {
    return messages.getMessage(key, null, fallback, locale);
  }

  /** A number with one decimal as the reader writes it (Danish 12,5). */
  public String decimal(Number value) {
    if (value == null) {
      return "–";
    }
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(value.doubleValue());
  }

  /** A ratio (0..1) as a percentage with one decimal, Danish "100,0 %", English "100.0%". */
  public String percent(Double ratio) {
    if (ratio == null) {
      return "–";
    }
    String number = decimal(ratio * 100);
    return "da".equals(locale.getLanguage()) ? number + "\u00a0%" : number + "%";
  }

  /** A change with its sign and one decimal (Danish +0,5, −1,0), "–" without a value. */
  public String change(Double value) {
    return value == null ? "–" : (value > 0 ? "+" : "") + decimal(value);
  }
}
