package dk.preparedreturn.forms;

import com.fasterxml.jackson.databind.JsonNode;
import dk.preparedreturn.process.DeadlineCalendar;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of every field the form shows, on the values the task ends with: required (a checkbox:
 * ticked; a checklist: at least one option), the form's options (static, or from the variable named
 * by {@code valuesKey}), a number's range and decimals, a text's pattern and length, a date's format,
 * each row of a dynamic list field by field, an amount (a text field with the custom property
 * {@code amount}) in the audience's notation ({@link Amounts}). Read-only and disabled fields are not
 * checked. The amounts read are kept ({@link #amounts()}), so that the task stores exactly them.
 */
final class FieldRules {

  private static final Logger LOG = LoggerFactory.getLogger(FieldRules.class);
  private static final Set<String> CHOICES = Set.of("radio", "select");
  private static final Set<String> MULTIPLE_CHOICES = Set.of("checklist", "taglist");
  private static final Set<String> TEXTS = Set.of("textfield", "textarea");

  private final Refusals refuse;
  private final Map<String, BigDecimal> amounts = new java.util.LinkedHashMap<>();

  FieldRules(Refusals refuse) {
    this.refuse = refuse;
  }

  /** The amounts of the shown amount fields (outside lists) as read, by variable; after {@link #check}. */
  Map<String, BigDecimal> amounts() {
    return amounts;
  }

  /** An amount field: a text field the form marks with the custom property {@code amount} (its currency). */
  static boolean isAmount(JsonNode component) {
    return TEXTS.contains(component.path("type").asText()) && component.path("properties").hasNonNull("amount");
  }

  void check(FormSchema form, Map<String, Object> values) {
    check(form.components(), values, null, null);
  }

  /**
   * @param row the row's values in a dynamic list, else null (values of the task)
   * @param list the list's field name and label prefix ("Claims, row 2"), else null
   */
  private void check(JsonNode components, Map<String, Object> values, String[] list, Map<String, Object> row) {
    for (JsonNode component : components) {
      if (FormVisibility.hidden(component, row == null ? values : merged(values, row))) {
        continue;
      }
      if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
        checkRows(component, values);
        continue;
      }
      if (component.has("components")) {
        check(component.get("components"), values, list, row);
        continue;
      }
      if (!component.hasNonNull("key") || component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        continue;
      }
      String key = component.get("key").asText();
      Field field = list == null ? new Field(key, FormSchema.label(component))
          : new Field(list[0], list[1] + ": " + FormSchema.label(component));
      Object value = row == null ? values.get(key) : row.get(key);
      checkField(component, field, value, values);
      if (row == null && isAmount(component) && value != null && !value.toString().isBlank()) {
        amounts.put(key, amount(component, field, value));
      }
    }
  }

  private void checkRows(JsonNode list, Map<String, Object> values) {
    String path = list.get("path").asText();
    Object value = values.get(path);
    if (value == null) {
      return;
    }
    List<Map<String, Object>> rows = FormValues.rows(value);
    if (rows == null) {
      throw refuse.of(path, FormSchema.label(list), "list");
    }
    for (int number = 1; number <= rows.size(); number++) {
      check(list.path("components"), values, new String[] {path, refuse.row(FormSchema.label(list), number)},
          rows.get(number - 1));
    }
  }

  private void checkField(JsonNode component, Field field, Object value, Map<String, Object> values) {
    String type = component.path("type").asText();
    JsonNode validate = component.path("validate");
    boolean required = validate.path("required").asBoolean(false);
    if ("checkbox".equals(type)) {
      Boolean ticked = FormValues.bool(value);
      if (value != null && ticked == null) {
        throw field.refused("yesNo");
      }
      if (required && !Boolean.TRUE.equals(ticked)) {
        throw field.refused("ticked");
      }
      return;
    }
    if (MULTIPLE_CHOICES.contains(type)) {
      List<Object> chosen = FormValues.list(value);
      if (value != null && chosen == null) {
        throw field.refused("list");
      }
      if (chosen == null || chosen.isEmpty()) {
        if (required) {
          throw field.refused("required");
        }
        return;
      }
      Set<String> options = FormSchema.options(component, values);
      for (Object option : chosen) {
        if (options != null && !options.contains(String.valueOf(option))) {
          throw field.refused("invalidValue", String.valueOf(option));
        }
      }
      return;
    }
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw field.refused("required");
      }
      return;
    }
    String text = value.toString().trim();
    if (CHOICES.contains(type)) {
      Set<String> options = FormSchema.options(component, values);
      if (options != null && !options.contains(text)) {
        throw field.refused("invalidValue", text);
      }
    } else if ("number".equals(type)) {
      checkNumber(component, validate, field, text);
    } else if (isAmount(component)) {
      BigDecimal amount = amount(component, field, value);
      if (value instanceof String) {
        checkText(validate, field, text);
      }
      checkRange(component.path("properties"), field, amount);
    } else if (TEXTS.contains(type)) {
      checkText(validate, field, text);
    } else if ("datetime".equals(type) && "date".equals(component.path("subtype").asText("date"))) {
      try {
        DeadlineCalendar.date(text);
      } catch (IllegalArgumentException e) {
        throw field.refused("date");
      }
    }
  }

  private void checkNumber(JsonNode component, JsonNode validate, Field field, String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw field.refused("number");
    }
    if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
      throw field.refused("min", validate.get("min").asText());
    }
    if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
      throw field.refused("max", validate.get("max").asText());
    }
    if (component.has("decimalDigits")) {
      int digits = component.get("decimalDigits").asInt();
      if (Math.max(0, number.stripTrailingZeros().scale()) > digits) {
        throw digits == 0 ? field.refused("wholeNumber") : field.refused("decimals", String.valueOf(digits));
      }
    }
  }

  /** A typed number as it is, or a text in the audience's notation; never a text read another way. */
  private BigDecimal amount(JsonNode component, Field field, Object value) {
    BigDecimal amount;
    if (value instanceof Number number) {
      try {
        amount = new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        throw field.refused("number");
      }
      if (Math.max(0, amount.stripTrailingZeros().scale()) > 2) {
        throw field.refused("decimals", "2");
      }
    } else {
      try {
        amount = Amounts.parse(value.toString(), refuse.audience());
      } catch (IllegalArgumentException e) {
        throw field.refused("amount", Amounts.format(new BigDecimal("15000.50"), refuse.audience()));
      }
    }
    if (amount.signum() < 0) {
      throw field.refused("min", "0");
    }
    return amount;
  }

  private void checkRange(JsonNode properties, Field field, BigDecimal amount) {
    for (String bound : new String[] {"min", "max"}) {
      if (properties.hasNonNull(bound)) {
        BigDecimal limit;
        try {
          limit = new BigDecimal(properties.get(bound).asText());
        } catch (NumberFormatException e) {
          LOG.warn("The form field {} has a {} that is not a number", field.name, bound);
          continue;
        }
        int comparison = amount.compareTo(limit);
        if ("min".equals(bound) ? comparison < 0 : comparison > 0) {
          throw field.refused(bound, Amounts.format(limit, refuse.audience()));
        }
      }
    }
  }

  private void checkText(JsonNode validate, Field field, String text) {
    if (validate.hasNonNull("pattern")) {
      boolean matches;
      try {
        // form-js tests the pattern as a JavaScript RegExp: a match anywhere unless anchored
        matches = Pattern.compile(validate.get("pattern").asText()).matcher(text).find();
      } catch (PatternSyntaxException e) {
        LOG.warn("The form field {} has a pattern that is not a valid regular expression", field.name);
        matches = true;
      }
      if (!matches) {
        throw field.refused("format");
      }
    }
    if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
      throw field.refused("minLength", String.valueOf(validate.get("minLength").asInt()));
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      throw field.refused("maxLength", String.valueOf(validate.get("maxLength").asInt()));
    }
  }

  private static Map<String, Object> merged(Map<String, Object> values, Map<String, Object> row) {
    Map<String, Object> all = new HashMap<>(values);
    all.putAll(row);
    return all;
  }

  private final class Field {
    final String name;
    final String label;

    Field(String name, String label) {
      this.name = name;
      this.label = label;
    }

    RuntimeException refused(String reason, Object... arguments) {
      return refuse.of(name, label, reason, arguments);
    }
  }
}
