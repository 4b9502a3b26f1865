package dk.preparedreturn.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A deployed Camunda Form as the server reads it: which fields it has (by the variable each
 * submits), their labels, types, options and rules. Immutable; one per deployed form version.
 */
final class FormSchema {

  private final JsonNode components;
  private final Map<String, JsonNode> fields = new HashMap<>();

  FormSchema(JsonNode form) {
    this.components = form.path("components");
    collectFields(components);
  }

  JsonNode components() {
    return components;
  }

  /** The component that submits the variable, or null when the form has no such field. */
  JsonNode field(String variable) {
    return fields.get(variable);
  }

  /** form-js submits an unticked checkbox as false; conditions see it so. */
  void defaultCheckboxes(Map<String, Object> variables) {
    defaultCheckboxes(components, variables);
  }

  /** The type of value a component submits: a dynamic list's rows, else the component's type. */
  static String type(JsonNode component) {
    return isList(component) ? "dynamiclist" : component.path("type").asText();
  }

  static boolean isList(JsonNode component) {
    return "dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")
        || component.has("path") && !component.has("key");
  }

  static String label(JsonNode component) {
    for (String name : new String[] {"label", "dateLabel", "key", "path"}) {
      if (component.hasNonNull(name) && !component.get(name).asText().isBlank()) {
        return component.get(name).asText();
      }
    }
    return "?";
  }

  /** The field's options: static values, or those of the variable named by valuesKey (null: unknown). */
  static Set<String> options(JsonNode component, Map<String, Object> values) {
    Set<String> options = new LinkedHashSet<>();
    if (component.has("values")) {
      component.get("values").forEach(option -> options.add(option.path("value").asText()));
      return options;
    }
    if (component.hasNonNull("valuesKey")) {
      SpinJsonNode dynamic = FormValues.spin(values.get(component.get("valuesKey").asText()));
      if (dynamic == null || !dynamic.isArray()) {
        return null;
      }
      for (SpinJsonNode option : dynamic.elements()) {
        options.add(option.isObject() && option.hasProp("value") ? String.valueOf(option.prop("value").value())
            : String.valueOf(option.value()));
      }
      return options;
    }
    return null;
  }

  private void collectFields(JsonNode nodes) {
    for (JsonNode component : nodes) {
      if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
        fields.put(component.get("path").asText(), component);
        continue;
      }
      if (component.hasNonNull("key") && !"text".equals(component.path("type").asText())) {
        fields.put(component.get("key").asText(), component);
      }
      if (component.has("components")) {
        collectFields(component.get("components"));
      }
    }
  }

  private static void defaultCheckboxes(JsonNode nodes, Map<String, Object> variables) {
    for (JsonNode component : nodes) {
      if ("checkbox".equals(component.path("type").asText()) && component.hasNonNull("key")) {
        variables.putIfAbsent(component.get("key").asText(), false);
      }
      if (component.has("components") && !component.has("path")) {
        defaultCheckboxes(component.get("components"), variables);
      }
    }
  }
}
