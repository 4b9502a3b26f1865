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
 * each row of a dynamic list field by field. Read-only and disabled fields are not checked.
 */
final class FieldRules {

  private static final Logger LOG = LoggerFactory.getLogger(FieldRules.class);
  private static final Set<String> CHOICES = Set.of("radio", "select");
  private static final Set<String> MULTIPLE_CHOICES = Set.of("checklist", "taglist");
  private static final Set<String> TEXTS = Set.of("textfield", "textarea");

  private final Refusals refuse;

  FieldRules(Refusals refuse) {
    this.refuse = refuse;
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
      checkField(component, field, row == null ? values.get(key) : row.get(key), values);
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
