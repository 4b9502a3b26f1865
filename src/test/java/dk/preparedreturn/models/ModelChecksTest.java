package dk.preparedreturn.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dk.preparedreturn.process.ModelBeans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Checks on the process owners' models that a review would otherwise have to catch: complete
 * diagrams, a candidate group and an existing form for every user task, a history time to live on
 * every definition, no scripts or Java classes, no bean that does not exist, the right language
 * per audience, no generated ids on referenced elements, and no call activity that copies every
 * variable into or out of a called process.
 */
class ModelChecksTest extends ProcessTestBase {

  static final Path PROCESSES = Path.of("processes");
  static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z]+)[.}(]");
  static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Flow|Gateway|Event|StartEvent|EndEvent|Task)_[0-9a-z]{7}$");
  static final Map<String, BpmnModelInstance> MODELS = new TreeMap<>();
  static final Map<String, JsonNode> FORMS = new TreeMap<>();
  static final Set<String> DECISIONS = new HashSet<>();

  @Autowired
  ApplicationContext context;

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = PROCESSES.relativize(file).toString();
        if (name.endsWith(".bpmn")) {
          MODELS.put(name, Bpmn.readModelFromFile(file.toFile()));
        } else if (name.endsWith(".form")) {
          FORMS.put(file.getFileName().toString().replace(".form", ""), json.readTree(file.toFile()));
        } else if (name.endsWith(".dmn")) {
          var dmn = Dmn.readModelFromFile(file.toFile());
          for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            DECISIONS.add(decision.getId());
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as("TTL of decision " + decision.getId())
                .isNotBlank();
            assertThat(file.getFileName().toString()).as("file name = decision id").isEqualTo(decision.getId() + ".dmn");
          }
        }
      }
    }
    assertThat(MODELS).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void everyFlowNodeAndFlowIsDrawn() {
    for (var model : MODELS.entrySet()) {
      Set<String> drawn = new HashSet<>();
      model.getValue().getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      model.getValue().getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
      for (FlowNode node : model.getValue().getModelElementsByType(FlowNode.class)) {
        assertThat(drawn).as(model.getKey() + ": shape of " + node.getId()).contains(node.getId());
      }
      for (SequenceFlow flow : model.getValue().getModelElementsByType(SequenceFlow.class)) {
        assertThat(drawn).as(model.getKey() + ": edge of " + flow.getId()).contains(flow.getId());
      }
    }
  }

  @Test
  void everyProcessHasAHistoryTimeToLiveAndItsFileName() {
    for (var model : MODELS.entrySet()) {
      for (Process process : model.getValue().getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("TTL of " + process.getId()).isNotBlank();
        assertThat(Path.of(model.getKey()).getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getName()).as("name of " + process.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyUserTaskHasACandidateGroupADueDateAndAnExistingFormInTheRightLanguage() {
    List<String> withoutDueDate = new ArrayList<>();
    for (var model : MODELS.entrySet()) {
      for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
        String where = model.getKey() + " " + task.getId();
        assertThat(task.getCamundaCandidateGroups()).as(where + " candidate group").isNotBlank();
        assertThat(task.getName()).as(where + " name").isNotBlank().doesNotContain("${");
        String form = task.getCamundaFormRef();
        assertThat(form).as(where + " formRef").isNotBlank();
        assertThat(FORMS).as(where + " form " + form + " exists").containsKey(form);
        boolean partner = task.getCamundaCandidateGroups().equals("${partnerGroup}");
        String header = FORMS.get(form).get("components").get(0).get("text").asText();
        assertThat(header).as(where + " form " + form + (partner ? " in English" : " in Danish"))
            .contains(partner ? "**Case:**" : "**Sag:**");
        if (task.getCamundaDueDate() == null) {
          withoutDueDate.add(task.getId());
        }
      }
    }
    assertThat(withoutDueDate).as("only the open-ended suspension has no due date")
        .containsExactly("Task_RecordEndOfSuspension");
  }

  @Test
  void formsAreCamundaFormsForTasklist724WithTheirFileNameAsId() {
    for (var form : FORMS.entrySet()) {
      assertThat(form.getValue().get("id").asText()).isEqualTo(form.getKey());
      assertThat(form.getValue().get("schemaVersion").asInt()).as(form.getKey()).isLessThanOrEqualTo(16);
      assertThat(form.getValue().get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    }
  }

  @Test
  void startFormsOfTheCaseEventProcessesExist() {
    for (var model : MODELS.values()) {
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(FORMS).containsKey(start.getCamundaFormRef());
        }
      }
    }
  }

  @Test
  void noScriptsNoJavaClassesAndOnlyBeansThatExist() throws IOException {
    Set<String> beans = new HashSet<>();
    for (var model : MODELS.entrySet()) {
      assertThat(model.getValue().getModelElementsByType(ScriptTask.class)).as(model.getKey()).isEmpty();
      String xml = Files.readString(PROCESSES.resolve(model.getKey()));
      assertThat(xml).as(model.getKey()).doesNotContain("camunda:class=").doesNotContain("<camunda:script")
          .doesNotContain("scriptFormat").doesNotContain("language=");
      Matcher m = BEAN.matcher(xml);
      while (m.find()) {
        beans.add(m.group(1));
      }
    }
    Set<String> variables = Set.of("identificationOutcome", "screeningResult", "offerDecision", "extensionDecision",
        "suspensionOutcome", "escortDecision", "partnerAgreement", "cashSupport", "progressReport", "finalMonth",
        "claimsSubmitted", "departed", "departureObligation", "departureDeadline", "identifyingBody", "partnerGroup",
        "contactPerson", "decisionResult", "loopCounter", "supportMonths", "tracingAttempts", "remainingMonths",
        "returnSafe", "notSafeFollowUp", "bestInterestOutcome");
    Set<String> modelBeans = new HashSet<>();
    context.getBeansOfType(ModelBeans.class).values().forEach(b -> modelBeans.addAll(b.names()));
    for (String bean : beans) {
      if (!variables.contains(bean)) {
        assertThat(context.containsBean(bean)).as("bean ${" + bean + "} exists").isTrue();
        assertThat(modelBeans).as("bean ${" + bean + "} is listed in ModelBeansConfiguration (else expressions"
            + " cannot see it)").contains(bean);
      }
    }
    assertThat(beans).contains("deadlines", "notify", "casePhase", "caseOutcome");
  }

  @Test
  void calledProcessesAndDecisionsExist() {
    Set<String> processIds = new HashSet<>();
    MODELS.values().forEach(m -> m.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId())));
    for (var model : MODELS.entrySet()) {
      for (CallActivity call : model.getValue().getModelElementsByType(CallActivity.class)) {
        assertThat(processIds).as(model.getKey() + " " + call.getId()).contains(call.getCalledElement());
      }
      for (BusinessRuleTask rule : model.getValue().getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(DECISIONS).as(model.getKey() + " " + rule.getId()).contains(rule.getCamundaDecisionRef());
      }
    }
  }

  @Test
  void elementsHaveReadableIdsAndNamesAndGatewaysLabelTheirAnswers() {
    for (var model : MODELS.entrySet()) {
      Collection<BaseElement> elements = model.getValue().getModelElementsByType(BaseElement.class);
      for (BaseElement element : elements) {
        if (element instanceof FlowNode || element instanceof SequenceFlow) {
          assertThat(element.getId()).as(model.getKey()).doesNotMatch(GENERATED_ID);
        }
      }
      for (FlowNode node : model.getValue().getModelElementsByType(FlowNode.class)) {
        boolean join = node instanceof org.camunda.bpm.model.bpmn.instance.Gateway && node.getOutgoing().size() == 1;
        if (!join && !(node instanceof org.camunda.bpm.model.bpmn.instance.ParallelGateway)) {
          assertThat(node.getName()).as(model.getKey() + " name of " + node.getId()).isNotBlank();
        }
      }
      for (ExclusiveGateway gateway : model.getValue().getModelElementsByType(ExclusiveGateway.class)) {
        if (gateway.getOutgoing().size() > 1) {
          gateway.getOutgoing().forEach(flow -> assertThat(flow.getName())
              .as(model.getKey() + " answer on " + flow.getId()).isNotBlank());
        }
      }
    }
  }

  /**
   * Data minimisation: a called process gets only the variables it reads and gives back only those
   * its caller or a later phase reads, each named in a {@code camunda:in} / {@code camunda:out}.
   */
  @Test
  void noCallActivityPassesAllVariables() {
    List<String> problems = new ArrayList<>();
    for (var model : MODELS.entrySet()) {
      for (CamundaIn in : model.getValue().getModelElementsByType(CamundaIn.class)) {
        if (in.getCamundaVariables() != null) {
          problems.add(model.getKey() + " " + owner(in) + ": <camunda:in variables=\"" + in.getCamundaVariables() + "\">");
        }
      }
      for (CamundaOut out : model.getValue().getModelElementsByType(CamundaOut.class)) {
        if (out.getCamundaVariables() != null) {
          problems.add(model.getKey() + " " + owner(out) + ": <camunda:out variables=\"" + out.getCamundaVariables() + "\">");
        }
      }
    }
    assertThat(problems).as("map each variable a called process reads (camunda:in source/target) or gives back "
        + "(camunda:out source/target) instead of passing all of them").isEmpty();
  }

  /** The id of the element whose extension elements hold the mapping (the call activity, say). */
  private static String owner(ModelElementInstance mapping) {
    ModelElementInstance element = mapping.getParentElement();
    while (element != null && !(element instanceof BaseElement)) {
      element = element.getParentElement();
    }
    return element == null ? "?" : ((BaseElement) element).getId();
  }
}
