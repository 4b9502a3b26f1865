package dk.preparedreturn.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Reading submitted values as form-js submits them: yes/no, numbers, lists, JSON rows. */
final class FormValues {

  private FormValues() {
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value != null && ("true".equals(value.toString()) || "false".equals(value.toString()))) {
      return Boolean.valueOf(value.toString());
    }
    return null;
  }

  static boolean isNumber(String text) {
    try {
      new BigDecimal(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The chosen options of a checklist (a JSON array or a list), or null when it is neither. */
  static List<Object> list(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    SpinJsonNode node = spin(value);
    if (node == null || !node.isArray()) {
      return null;
    }
    List<Object> items = new ArrayList<>();
    node.elements().forEach(item -> items.add(item.isValue() ? item.value() : item.toString()));
    return items;
  }

  /** The rows of a dynamic list, each as its values by field, or null when the value is no list. */
  static List<Map<String, Object>> rows(Object value) {
    SpinJsonNode rows = spin(value);
    if (rows == null || !rows.isArray()) {
      return null;
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (SpinJsonNode row : rows.elements()) {
      Map<String, Object> values = new HashMap<>();
      if (row.isObject()) {
        for (String name : row.fieldNames()) {
          SpinJsonNode item = row.prop(name);
          values.put(name, item.isNull() ? null : item.isValue() ? item.value() : item);
        }
      }
      result.add(values);
    }
    return result;
  }

  static SpinJsonNode spin(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    String text = value.toString().trim();
    if (!text.startsWith("[") && !text.startsWith("{")) {
      return null;
    }
    try {
      return Spin.JSON(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
