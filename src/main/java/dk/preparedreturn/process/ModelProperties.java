package dk.preparedreturn.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnModelExecutionContext;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads the extension properties (Camunda Modeler: "Extension properties") of the model element an
 * execution is at, e.g. {@code casePhase=PREPARATION}. They keep facts that process owners change
 * in the model instead of in Java.
 */
public final class ModelProperties {

  private ModelProperties() {
  }

  public static Optional<String> get(BpmnModelExecutionContext execution, String name) {
    BaseElement element = execution.getBpmnModelElementInstance();
    if (element == null) {
      return Optional.empty();
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }

  public static String require(BpmnModelExecutionContext execution, String name) {
    return get(execution, name).orElseThrow(() -> new IllegalStateException(
        "Element " + execution.getBpmnModelElementInstance().getId() + " has no extension property " + name));
  }
}
