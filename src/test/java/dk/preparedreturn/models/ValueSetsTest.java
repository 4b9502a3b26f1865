package dk.preparedreturn.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.preparedreturn.process.Variable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A value set has one definition: the enum (or scale) of its typed {@link Variable} in a process
 * backing class. Every option a form offers, every value a gateway's condition compares with, is
 * one of its values, and a form offers all of them; adding a value means adding the constant and
 * then the option, and this test says which is missing.
 */
class ValueSetsTest {

  private static final Path FORMS = Path.of("processes", "forms");
  private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");

  /** Every value-set variable of the service by name (a name has one set, wherever it is declared). */
  private static final Map<String, Variable<?>> VALUE_SETS = new TreeMap<>();

  @BeforeAll
  static void collect() throws IllegalAccessException {
    var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dk.preparedreturn");
    for (var type : classes) {
      for (Field field : type.reflect().getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
          field.setAccessible(true);
          Variable<?> variable = (Variable<?>) field.get(null);
          if (!variable.values().isEmpty()) {
            Variable<?> earlier = VALUE_SETS.putIfAbsent(variable.name(), variable);
            assertThat(earlier == null || earlier.values().equals(variable.values()))
                .as("%s is declared twice with different values", variable.name()).isTrue();
          }
        }
      }
    }
    assertThat(VALUE_SETS).as("value sets found in the backing classes").containsKeys("offerDecision",
        "screeningResult", "planAreas", "economicSituation", "category");
  }

  @Test
  void everyFormOffersExactlyTheValuesOfItsValueSet() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> forms = Files.list(FORMS)) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        List<JsonNode> fields = new ArrayList<>();
        collectFieldsWithOptions(new ObjectMapper().readTree(form.toFile()), fields);
        for (JsonNode field : fields) {
          String key = field.path("key").asText();
          List<String> offered = new ArrayList<>();
          field.get("values").forEach(option -> offered.add(option.path("value").asText()));
          Variable<?> set = VALUE_SETS.get(key);
          checked++;
          if (set == null) {
            problems.add(form.getFileName() + ": " + key + " offers " + offered
                + " but no backing class declares its value set (Variable.enumeration/enumSet/scale)");
          } else if (!offered.equals(set.values())) {
            problems.add(form.getFileName() + ": " + key + " offers " + offered + ", its value set is " + set.values());
          }
        }
      }
    }
    assertThat(checked).as("fields with options in the forms").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyConditionComparesWithAValueOfTheVariablesSet() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> models = Files.walk(Path.of("processes"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        for (ConditionExpression condition : Bpmn.readModelFromFile(model.toFile())
            .getModelElementsByType(ConditionExpression.class)) {
          Matcher comparison = COMPARISON.matcher(condition.getTextContent());
          while (comparison.find()) {
            checked++;
            Variable<?> set = VALUE_SETS.get(comparison.group(1));
            if (set == null) {
              problems.add(model.getFileName() + ": " + condition.getTextContent().trim()
                  + " compares a variable without a value set");
            } else if (!set.values().contains(comparison.group(2))) {
              problems.add(model.getFileName() + ": " + condition.getTextContent().trim() + " compares with '"
                  + comparison.group(2) + "', not one of " + set.values());
            }
          }
        }
      }
    }
    assertThat(checked).as("comparisons with literals in the models").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  private static void collectFieldsWithOptions(JsonNode node, List<JsonNode> found) {
    for (JsonNode component : node.path("components")) {
      if (component.has("values") && component.get("values").isArray()) {
        found.add(component);
      }
      collectFieldsWithOptions(component, found);
    }
  }
}
