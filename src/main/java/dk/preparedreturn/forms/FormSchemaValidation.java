package dk.preparedreturn.forms;

import dk.preparedreturn.process.BuiltInListeners;
import dk.preparedreturn.process.BuiltInListeners.TaskListenerOfEveryTask;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Submission;
import org.camunda.bpm.engine.variable.value.TypedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Privileged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The constraints of a task's Camunda Form, enforced on the server when the task is completed: a
 * submission through the engine REST API or Tasklist's API does not pass form-js, so without this
 * a required field could be left out or a value outside the form's options stored. Added to every
 * user task as a built-in listener, so a form a process owner changes in Camunda Modeler is
 * enforced as changed, with no code ({@link BuiltInListeners}). For each field the form shows (its {@code conditional.hide}
 * FEEL expression is evaluated as form-js does, an unticked checkbox counting as false):
 *
 * <ul>
 *   <li>required (a checkbox: ticked; a checklist: at least one option);</li>
 *   <li>radio, select, checklist: only the form's options (static {@code values}, or the options in
 *       the variable named by {@code valuesKey});</li>
 *   <li>number: a number within {@code min}/{@code max}, with at most {@code decimalDigits} decimals;</li>
 *   <li>text field: {@code pattern}, {@code minLength}, {@code maxLength};</li>
 *   <li>date: an ISO date; checkbox: true or false;</li>
 *   <li>each row of a dynamic list, field by field.</li>
 * </ul>
 *
 * Read-only and disabled fields are not checked. Rules between fields and against case dates stay
 * with the task's own listener ({@code Validate*}); this listener runs before it. A refusal is an
 * {@link InvalidFormInput} naming the field, in the form's language (English for the partners'
 * tasks).
 */
@Component
@Order(BuiltInListeners.Order.FORM_VALIDATION)
class FormSchemaValidation implements TaskListenerOfEveryTask {

  private static final Logger LOG = LoggerFactory.getLogger(FormSchemaValidation.class);
  private static final Set<String> CHOICES = Set.of("radio", "select");
  private static final Set<String> MULTIPLE_CHOICES = Set.of("checklist", "taglist");
  private static final Set<String> TEXTS = Set.of("textfield", "textarea");

  private final ObjectMapper json = new ObjectMapper();
  /** Parsed forms by form definition id (a deployed version never changes). */
  private final Map<String, JsonNode> parsedForms = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public Set<String> events() {
    return Set.of(TaskListener.EVENTNAME_COMPLETE);
  }

  @Override
  public void notify(DelegateTask delegate) {
    TaskEntity task = (TaskEntity) delegate;
    boolean english = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .anyMatch(group -> group != null && Groups.isPartnerGroup(group));
    FormInput input = english ? FormInput.english(delegate) : FormInput.danish(delegate);
    Submission submission = Submission.of(task.getId());
    if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
      if (submission != null && !submission.values().isEmpty()) {
        String name = submission.values().keySet().iterator().next();
        throw input.invalid(name, name + ": opgaven har ingen formular og tager ingen værdier",
            name + ": this task has no form and takes no values");
      }
      return;
    }
    JsonNode form = form(task);
    Map<String, Object> variables = new HashMap<>(delegate.getVariables());
    defaultCheckboxes(form.path("components"), variables);
    if (submission != null) {
      checkFieldsOfTheForm(form.path("components"), submission.values(), variables, input);
    }
    check(form.path("components"), variables, input, english, null, null);
  }

  /**
   * A user's submission holds exactly fields of the form, each of the type its component submits
   * (text, number, yes/no, a list) and only for fields the form shows: anything else is refused,
   * naming the variable, before a listener or the process sees it.
   */
  private void checkFieldsOfTheForm(JsonNode components, Map<String, Object> submitted, Map<String, Object> variables,
      FormInput input) {
    Map<String, JsonNode> fields = new HashMap<>();
    fields(components, fields);
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      String name = entry.getKey();
      JsonNode component = fields.get(name);
      if (component == null) {
        throw input.invalid(name, name + ": er ikke et felt i opgavens formular", name + ": is not a field of this form");
      }
      Object value = entry.getValue() instanceof TypedValue typed ? typed.getValue() : entry.getValue();
      if (value == null) {
        continue;
      }
      if (hidden(component, variables)) {
        throw input.invalid(name, label(component) + ": feltet vises ikke og kan ikke udfyldes",
            label(component) + ": this field is not shown and cannot be filled in");
      }
      String type = component.has("path") && !component.has("key") ? "dynamiclist" : component.path("type").asText();
      String label = label(component);
      switch (type) {
        case "checkbox" -> {
          if (!(value instanceof Boolean)) {
            throw input.invalid(name, label + ": skal være ja eller nej", label + ": must be yes or no");
          }
        }
        case "number" -> {
          if (!(value instanceof Number || value instanceof String text && isNumber(text))) {
            throw input.invalid(name, label + ": er ikke et tal", label + ": is not a number");
          }
        }
        case "checklist", "taglist", "dynamiclist" -> {
          if (!(value instanceof Collection<?> || value instanceof SpinJsonNode
              || value instanceof String text && text.trim().startsWith("["))) {
            throw input.invalid(name, label + ": skal være en liste", label + ": must be a list");
          }
        }
        default -> {
          if (!(value instanceof String)) {
            throw input.invalid(name, label + ": skal være tekst", label + ": must be text");
          }
        }
      }
    }
  }

  private static void fields(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
        fields.put(component.get("path").asText(), component);
        continue;
      }
      if (component.hasNonNull("key") && !"text".equals(component.path("type").asText())) {
        fields.put(component.get("key").asText(), component);
      }
      if (component.has("components")) {
        fields(component.get("components"), fields);
      }
    }
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The form the caseworker filled in. With the binding "latest" (every model here) only the latest
   * version's id is looked up; its content never changes, so it is read and parsed once per version.
   */
  private JsonNode form(TaskEntity task) {
    if ("latest".equals(task.getTaskDefinition().getCamundaFormDefinitionBinding())
        && task.getTaskDefinition().getCamundaFormDefinitionKey().getValue(task) instanceof String key) {
      CamundaFormDefinitionEntity latest = Context.getCommandContext().getCamundaFormDefinitionManager()
          .findLatestDefinitionByKey(key);
      if (latest != null) {
        return parsedForms.computeIfAbsent(latest.getId(), id -> parse(() -> Context.getProcessEngineConfiguration()
            .getRepositoryService().getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())));
      }
    }
    return parse(() -> Context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()));
  }

  private JsonNode parse(java.util.concurrent.Callable<InputStream> resource) {
    try (InputStream stream = Privileged.call(resource)) {
      return json.readTree(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** form-js submits an unticked checkbox as false; conditions see it so. */
  private static void defaultCheckboxes(JsonNode components, Map<String, Object> variables) {
    for (JsonNode component : components) {
      if ("checkbox".equals(component.path("type").asText()) && component.hasNonNull("key")) {
        variables.putIfAbsent(component.get("key").asText(), false);
      }
      if (component.has("components") && !component.has("path")) {
        defaultCheckboxes(component.get("components"), variables);
      }
    }
  }

  /**
   * @param row the row's values in a dynamic list, else null (values of the task)
   * @param list the list's field name and label prefix ("Claims, row 2"), else null
   */
  private void check(JsonNode components, Map<String, Object> values, FormInput input, boolean english,
      String[] list, Map<String, Object> row) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (hidden(component, row == null ? values : merged(values, row))) {
        continue;
      }
      if ("dynamiclist".equals(type) && component.hasNonNull("path")) {
        checkRows(component, values, input, english);
        continue;
      }
      if (component.has("components")) {
        check(component.get("components"), values, input, english, list, row);
        continue;
      }
      if (!component.hasNonNull("key") || component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        continue;
      }
      String key = component.get("key").asText();
      Field field = list == null ? new Field(key, label(component)) : new Field(list[0], list[1] + ": " + label(component));
      Object value = row == null ? values.get(key) : row.get(key);
      checkField(component, type, field, value, values, input, english);
    }
  }

  private void checkRows(JsonNode list, Map<String, Object> values, FormInput input, boolean english) {
    String path = list.get("path").asText();
    Object value = values.get(path);
    if (value == null) {
      return;
    }
    SpinJsonNode rows = spin(value);
    if (rows == null || !rows.isArray()) {
      throw input.invalid(path, label(list) + ": skal være en liste", label(list) + ": must be a list");
    }
    int number = 0;
    for (SpinJsonNode row : rows.elements()) {
      number++;
      Map<String, Object> rowValues = new HashMap<>();
      if (row.isObject()) {
        for (String name : row.fieldNames()) {
          SpinJsonNode item = row.prop(name);
          rowValues.put(name, item.isNull() ? null : item.isValue() ? item.value() : item);
        }
      }
      String prefix = label(list) + (english ? ", row " : ", række ") + number;
      check(list.path("components"), values, input, english, new String[] {path, prefix}, rowValues);
    }
  }

  private void checkField(JsonNode component, String type, Field field, Object value, Map<String, Object> values,
      FormInput input, boolean english) {
    JsonNode validate = component.path("validate");
    boolean required = validate.path("required").asBoolean(false);
    if ("checkbox".equals(type)) {
      Boolean ticked = bool(value);
      if (value != null && ticked == null) {
        throw input.invalid(field.name, field.label + ": skal være ja eller nej", field.label + ": must be yes or no");
      }
      if (required && !Boolean.TRUE.equals(ticked)) {
        throw input.invalid(field.name, field.label + ": skal være markeret", field.label + ": must be ticked");
      }
      return;
    }
    if (MULTIPLE_CHOICES.contains(type)) {
      List<Object> chosen = list(value);
      if (value != null && chosen == null) {
        throw input.invalid(field.name, field.label + ": skal være en liste", field.label + ": must be a list");
      }
      if (chosen == null || chosen.isEmpty()) {
        if (required) {
          throw required(input, field);
        }
        return;
      }
      Set<String> options = options(component, values);
      for (Object option : chosen) {
        if (options != null && !options.contains(String.valueOf(option))) {
          throw invalidValue(input, field, option);
        }
      }
      return;
    }
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw required(input, field);
      }
      return;
    }
    String text = value.toString().trim();
    if (CHOICES.contains(type)) {
      Set<String> options = options(component, values);
      if (options != null && !options.contains(text)) {
        throw invalidValue(input, field, text);
      }
    } else if ("number".equals(type)) {
      checkNumber(component, validate, field, value, input);
    } else if (TEXTS.contains(type)) {
      checkText(validate, field, text, input);
    } else if ("datetime".equals(type) && "date".equals(component.path("subtype").asText("date"))) {
      try {
        DeadlineCalendar.date(text);
      } catch (IllegalArgumentException e) {
        throw input.invalid(field.name, field.label + ": er ikke en dato (åååå-mm-dd)",
            field.label + ": is not a date (yyyy-mm-dd)");
      }
    }
  }

  private static void checkNumber(JsonNode component, JsonNode validate, Field field, Object value, FormInput input) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw input.invalid(field.name, field.label + ": er ikke et tal", field.label + ": is not a number");
    }
    if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
      String min = validate.get("min").asText();
      throw input.invalid(field.name, field.label + ": skal være mindst " + min, field.label + ": must be at least " + min);
    }
    if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
      String max = validate.get("max").asText();
      throw input.invalid(field.name, field.label + ": må højst være " + max, field.label + ": must be at most " + max);
    }
    if (component.has("decimalDigits")) {
      int digits = component.get("decimalDigits").asInt();
      if (Math.max(0, number.stripTrailingZeros().scale()) > digits) {
        throw digits == 0
            ? input.invalid(field.name, field.label + ": skal være et helt tal", field.label + ": must be a whole number")
            : input.invalid(field.name, field.label + ": højst " + digits + " decimaler",
                field.label + ": at most " + digits + " decimals");
      }
    }
  }

  private static void checkText(JsonNode validate, Field field, String text, FormInput input) {
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
        throw input.invalid(field.name, field.label + ": har et ugyldigt format", field.label + ": has an invalid format");
      }
    }
    if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
      int min = validate.get("minLength").asInt();
      throw input.invalid(field.name, field.label + ": skal have mindst " + min + " tegn",
          field.label + ": must have at least " + min + " characters");
    }
    if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
      int max = validate.get("maxLength").asInt();
      throw input.invalid(field.name, field.label + ": må højst have " + max + " tegn",
          field.label + ": must have at most " + max + " characters");
    }
  }

  /** The form's options: static values, or those of the variable named by valuesKey (null: unknown). */
  private Set<String> options(JsonNode component, Map<String, Object> values) {
    Set<String> options = new LinkedHashSet<>();
    if (component.has("values")) {
      component.get("values").forEach(option -> options.add(option.path("value").asText()));
      return options;
    }
    if (component.hasNonNull("valuesKey")) {
      SpinJsonNode dynamic = spin(values.get(component.get("valuesKey").asText()));
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

  private boolean hidden(JsonNode component, Map<String, Object> variables) {
    String condition = component.path("conditional").path("hide").asText("");
    if (condition.isBlank()) {
      return false;
    }
    String expression = condition.startsWith("=") ? condition.substring(1) : condition;
    try {
      Object result = feel().evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      LOG.warn("The hide condition of form field {} could not be evaluated; the field is checked",
          component.path("key").asText(), e);
      return false;
    }
  }

  private static FeelEngine feel() {
    return Context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
  }

  private static Map<String, Object> merged(Map<String, Object> values, Map<String, Object> row) {
    Map<String, Object> all = new HashMap<>(values);
    all.putAll(row);
    return all;
  }

  private static String label(JsonNode component) {
    for (String name : new String[] {"label", "dateLabel", "key", "path"}) {
      if (component.hasNonNull(name) && !component.get(name).asText().isBlank()) {
        return component.get(name).asText();
      }
    }
    return "?";
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value != null && ("true".equals(value.toString()) || "false".equals(value.toString()))) {
      return Boolean.valueOf(value.toString());
    }
    return null;
  }

  /** The chosen options of a checklist (a JSON array or a list), or null when it is neither. */
  private static List<Object> list(Object value) {
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

  private static SpinJsonNode spin(Object value) {
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

  private static InvalidFormInput required(FormInput input, Field field) {
    return input.invalid(field.name, field.label + ": skal udfyldes", field.label + ": is required");
  }

  private static InvalidFormInput invalidValue(FormInput input, Field field, Object value) {
    return input.invalid(field.name, field.label + ": har en ugyldig værdi: " + value,
        field.label + ": has an invalid value: " + value);
  }

  private record Field(String name, String label) {
  }
}
