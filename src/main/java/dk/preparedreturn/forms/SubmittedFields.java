package dk.preparedreturn.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A user's submission holds exactly fields of the form, each of the type its component submits
 * (text, number, yes/no, a list) and only for fields the form shows: anything else is refused,
 * naming the variable, before a listener or the process sees it.
 */
final class SubmittedFields {

  private SubmittedFields() {
  }

  /** A task without a form takes no values. */
  static void noForm(Map<String, Object> submitted, Refusals refuse) {
    if (!submitted.isEmpty()) {
      String name = submitted.keySet().iterator().next();
      throw refuse.of(name, name, "noForm");
    }
  }

  static void check(FormSchema form, Map<String, Object> submitted, Map<String, Object> variables, Refusals refuse) {
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      String name = entry.getKey();
      JsonNode component = form.field(name);
      if (component == null) {
        throw refuse.of(name, name, "notAField");
      }
      Object value = entry.getValue() instanceof TypedValue typed ? typed.getValue() : entry.getValue();
      if (value == null) {
        continue;
      }
      String label = FormSchema.label(component);
      if (FormVisibility.hidden(component, variables)) {
        throw refuse.of(name, label, "notShown");
      }
      switch (FormSchema.type(component)) {
        case "checkbox" -> {
          if (!(value instanceof Boolean)) {
            throw refuse.of(name, label, "yesNo");
          }
        }
        case "number" -> {
          if (!(value instanceof Number || value instanceof String text && FormValues.isNumber(text))) {
            throw refuse.of(name, label, "number");
          }
        }
        case "checklist", "taglist", "dynamiclist" -> {
          if (!(value instanceof Collection<?> || value instanceof SpinJsonNode
              || value instanceof String text && text.trim().startsWith("["))) {
            throw refuse.of(name, label, "list");
          }
        }
        default -> {
          // an amount field also takes a typed number (an API client's), which cannot be misread
          if (!(value instanceof String || FieldRules.isAmount(component) && value instanceof Number)) {
            throw refuse.of(name, label, "text");
          }
        }
      }
    }
  }
}
