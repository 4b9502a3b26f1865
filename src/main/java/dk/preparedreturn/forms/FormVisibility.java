package dk.preparedreturn.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a field is shown: its {@code conditional.hide} FEEL expression evaluated as form-js does,
 * with the engine's FEEL engine. A condition that cannot be evaluated shows the field (so it is
 * checked).
 */
final class FormVisibility {

  private static final Logger LOG = LoggerFactory.getLogger(FormVisibility.class);

  private FormVisibility() {
  }

  static boolean hidden(JsonNode component, Map<String, Object> variables) {
    String condition = component.path("conditional").path("hide").asText("");
    if (condition.isBlank()) {
      return false;
    }
    String expression = condition.startsWith("=") ? condition.substring(1) : condition;
    try {
      Object result = Context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine()
          .evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      LOG.warn("The hide condition of form field {} could not be evaluated; the field is checked",
          component.path("key").asText(), e);
      return false;
    }
  }
}
