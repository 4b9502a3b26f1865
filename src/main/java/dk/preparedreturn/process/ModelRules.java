package dk.preparedreturn.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules every model must keep: one rule set, applied to every deployment a user makes (Camunda
 * Modeler, the REST API, Cockpit: {@link DeploymentCheck}), to the service's own models when it
 * deploys them ({@link ProcessesDeployment}) and by the build ({@code ModelChecksTest}). A model is
 * data, not code: a model a process owner deploys can change how a case flows, but it can never run
 * code, reach the application's beans, write a value the service owns (the case reference, routing,
 * deadlines) or give anyone access to a case.
 *
 * <p>Safety rules (each with a message a process owner understands in Modeler's deploy dialog):
 * <ul>
 *   <li>only BPMN, DMN and Camunda Forms files, each at most 1 MB, each readable;</li>
 *   <li>no scripts of any kind, no Java classes ({@code camunda:class}), no external tasks
 *       ({@code camunda:type}), no connectors, form handlers or variable mapping classes; service
 *       tasks and listeners only as {@code ${bean}} of the beans the models may use;</li>
 *   <li>expressions name only those beans, variables and {@code execution}/{@code task}, and never
 *       write a variable ({@code setVariable} and the like);</li>
 *   <li>user tasks: a Camunda Form ({@code camunda-forms}), candidate groups only the Danish
 *       organisations or the case's routing values ({@code ${partnerGroup}}, {@code
 *       ${identifyingBody}}), no candidate users, an assignee only {@code ${contactPerson}};</li>
 *   <li>processes start only from a none start event without a start form (cases and events are
 *       started by the service); no signals (a signal reaches every case);</li>
 *   <li>call activities pass the case's business key unchanged and never write a value the service
 *       owns; no input/output mapping writes one; no form field is one;</li>
 *   <li>a history time to live of {@value #MIN_TTL_DAYS} to {@value #MAX_TTL_DAYS} days on every
 *       process and decision;</li>
 *   <li>forms: schema version 16 at most (Tasklist 7.24), only the form-js components Tasklist
 *       renders, no HTML or script in texts.</li>
 * </ul>
 *
 * <p>Style rules (the build, {@code ModelChecksTest}): every element drawn, readable ids, names for
 * people, gateways that label their answers, file name = id.
 */
public final class ModelRules {

  public static final int MIN_TTL_DAYS = 365;
  public static final int MAX_TTL_DAYS = 3650;
  static final int MAX_RESOURCE_BYTES = 1024 * 1024;
  static final int MAX_SCHEMA_VERSION = 16;

  /** form-js 1.8.7 components Tasklist 7.24 renders, without html, iframe, image or expression. */
  static final Set<String> FORM_COMPONENTS = Set.of("default", "text", "textfield", "textarea", "number", "checkbox",
      "checklist", "radio", "select", "taglist", "datetime", "group", "dynamiclist", "separator", "spacer");
  /** Methods that write state; an expression in a model may never call them. */
  static final Set<String> WRITING_METHODS = Set.of("setVariable", "setVariables", "setVariableLocal",
      "setVariablesLocal", "removeVariable", "removeVariables", "removeVariableLocal", "removeVariablesLocal",
      "setProcessBusinessKey", "setBusinessKey", "setAssignee", "setOwner", "addCandidateGroup", "addCandidateUser",
      "addCandidateGroups", "addCandidateUsers", "addGroupIdentityLink", "addUserIdentityLink", "setName",
      "setDueDate", "setPriority", "complete", "getClass", "forName", "getProcessEngine", "getProcessEngineServices");
  /** Functions of Camunda's expression language a model may use. */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S", "JSON");
  static final Set<String> FIXED_NAMES = Set.of("execution", "task", "decisionResult", "loopCounter",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "true", "false", "null");
  static final Pattern BEAN_ONLY = Pattern.compile("^\\$\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}$");
  static final Pattern BUSINESS_KEY = Pattern.compile("^[$#]\\{\\s*execution\\.processBusinessKey\\s*}$");
  static final Pattern UNSAFE_TEXT = Pattern.compile("(?i)<\\s*[a-z!/]|javascript:|data:|vbscript:");
  static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\b|\\bjava\\s*:");
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** Camunda extension attributes and elements that refer to code or scripts. */
  static final Set<String> CODE_ATTRIBUTES = Set.of("class", "type", "expression", "topic", "formHandlerClass",
      "variableMappingClass", "variableMappingDelegateExpression", "resource", "scriptFormat", "caseRef");
  /** Texts that are read by people, not evaluated. */
  static final Set<String> PROSE = Set.of("documentation", "text");
  static final Set<String> CODE_ELEMENTS = Set.of("script", "connector", "formData", "formProperty", "field");

  /** What the rules need to know of the application. */
  public record Vocabulary(Set<String> modelBeans, Set<String> applicationBeans, Set<String> taskGroups,
      Set<String> routedGroups, Set<String> serviceOwnedVariables, Set<String> assignees,
      Predicate<String> formExists) {
  }

  /** One problem: where (file and element) and what, in the words of a process owner (Danish). */
  public record Problem(String resource, String element, String message) {
    @Override
    public String toString() {
      return resource + (element == null ? "" : " (" + element + ")") + ": " + message;
    }
  }

  private final Vocabulary vocabulary;
  private final ObjectMapper json = new ObjectMapper();

  public ModelRules(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The safety rules over every file of one deployment (name -> content). */
  public List<Problem> check(Map<String, byte[]> resources) {
    List<Problem> problems = new ArrayList<>();
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    for (var resource : resources.entrySet()) {
      String name = resource.getKey();
      byte[] content = resource.getValue();
      String lower = name.toLowerCase(Locale.ROOT);
      if (content == null || content.length == 0) {
        problems.add(new Problem(name, null, "Filen er tom."));
      } else if (content.length > MAX_RESOURCE_BYTES) {
        problems.add(new Problem(name, null, "Filen er større end 1 MB."));
      } else if (lower.endsWith(".form")) {
        checkForm(name, content, problems).ifPresent(form -> forms.put(form.path("id").asText(), form));
      }
    }
    Predicate<String> formExists = key -> forms.containsKey(key) || vocabulary.formExists().test(key);
    for (var resource : resources.entrySet()) {
      String name = resource.getKey();
      byte[] content = resource.getValue();
      String lower = name.toLowerCase(Locale.ROOT);
      if (content == null || content.length == 0 || content.length > MAX_RESOURCE_BYTES || lower.endsWith(".form")) {
        continue;
      }
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        checkBpmn(name, content, formExists, problems);
      } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        checkDmn(name, content, problems);
      } else {
        problems.add(new Problem(name, null,
            "Kun BPMN-, DMN- og Camunda Forms-filer (.bpmn, .dmn, .form) kan deployes; HTML, scripts og andre filer ikke."));
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------- BPMN

  private void checkBpmn(String resource, byte[] content, Predicate<String> formExists, List<Problem> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(new Problem(resource, null, "Filen kan ikke læses som BPMN 2.0."));
      return;
    }
    Sink sink = new Sink(resource, problems);
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      checkTimeToLive(sink, label(process), process.getCamundaHistoryTimeToLiveString());
    }
    Document dom;
    try {
      dom = dom(content);
    } catch (Exception e) {
      problems.add(new Problem(resource, null, "Filen kan ikke læses som BPMN 2.0."));
      return;
    }
    checkCamundaMarkup(sink, dom.getDocumentElement(), model);
    for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
      sink.add(script, "Script-opgaver er ikke tilladt: en model må ikke køre kode.");
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      if (condition.getLanguage() != null || condition.getCamundaResource() != null) {
        sink.add(owner(condition), "Betingelser skal være udtryk (${...}), ikke scripts.");
      }
    }
    for (SignalEventDefinition signal : model.getModelElementsByType(SignalEventDefinition.class)) {
      sink.add(owner(signal), "Signaler er ikke tilladt: et signal når alle sager på én gang. Brug en meddelelse.");
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkStart(sink, start);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(sink, task, formExists);
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      checkCallActivity(sink, call);
    }
    for (CamundaInputParameter input : model.getModelElementsByType(CamundaInputParameter.class)) {
      checkWrite(sink, owner(input), input.getCamundaName(), "inputparameteren");
    }
    for (CamundaOutputParameter output : model.getModelElementsByType(CamundaOutputParameter.class)) {
      checkWrite(sink, owner(output), output.getCamundaName(), "outputparameteren");
    }
    checkExpressions(sink, dom.getDocumentElement(), model);
  }

  private void checkStart(Sink sink, StartEvent start) {
    boolean inEventSubProcess = start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent();
    if (inEventSubProcess) {
      return;
    }
    if (!start.getEventDefinitions().isEmpty()) {
      EventDefinition definition = start.getEventDefinitions().iterator().next();
      sink.add(start, "En proces kan kun startes af tjenesten selv: startbegivenheden må ikke være en "
          + kind(definition) + ".");
    }
    if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
      sink.add(start, "En startbegivenhed må ikke have en startformular: sager og hændelser startes af tjenesten.");
    }
  }

  private void checkUserTask(Sink sink, UserTask task, Predicate<String> formExists) {
    String formRef = task.getCamundaFormRef();
    if (task.getCamundaFormKey() != null) {
      sink.add(task, "Formularen skal være en Camunda-formular angivet som reference (Form reference); "
          + "formularnøgler, indlejrede HTML-formularer og eksterne formularer er ikke tilladt.");
    } else if (formRef == null || formRef.isBlank()) {
      sink.add(task, "En brugeropgave skal have en Camunda-formular (Form reference).");
    } else if (formRef.contains("${") || formRef.contains("#{")) {
      sink.add(task, "Formularreferencen skal være et fast formular-id, ikke et udtryk.");
    } else if (!formExists.test(formRef)) {
      sink.add(task, "Formularen '" + formRef + "' findes ikke; deploy den sammen med modellen.");
    }
    String groups = task.getCamundaCandidateGroups();
    if (groups == null || groups.isBlank()) {
      sink.add(task, "En brugeropgave skal have en kandidatgruppe (en af de danske organisationer eller "
          + "${partnerGroup}).");
    } else {
      for (String group : groups.split(",")) {
        String g = group.trim();
        if (!vocabulary.taskGroups().contains(g) && !vocabulary.routedGroups().contains(g)) {
          sink.add(task, "Kandidatgruppen '" + g + "' er ikke tilladt: kun "
              + String.join(", ", sorted(vocabulary.taskGroups())) + " eller " + String.join(", ",
              sorted(vocabulary.routedGroups())) + " (sagens partner følger af sagen, aldrig af modellen).");
        }
      }
    }
    if (task.getCamundaCandidateUsers() != null && !task.getCamundaCandidateUsers().isBlank()) {
      sink.add(task, "Kandidatbrugere er ikke tilladt: adgang gives til organisationer, ikke til enkeltpersoner.");
    }
    String assignee = task.getCamundaAssignee();
    if (assignee != null && !assignee.isBlank() && !vocabulary.assignees().contains(assignee.trim())) {
      sink.add(task, "Den ansvarlige må kun være " + String.join(", ", sorted(vocabulary.assignees()))
          + " (sat af tjenesten), ikke '" + assignee + "'.");
    }
  }

  private void checkCallActivity(Sink sink, CallActivity call) {
    String called = call.getCalledElement();
    if (called == null || called.contains("${") || called.contains("#{")) {
      sink.add(call, "Den kaldte proces skal være et fast proces-id, ikke et udtryk.");
    }
    for (CamundaIn in : childrenOfType(call, CamundaIn.class)) {
      if (in.getCamundaVariables() != null) {
        sink.add(call, "Overfør de enkelte variabler (camunda:in source/target) i stedet for alle.");
      }
      if (in.getCamundaBusinessKey() != null && !BUSINESS_KEY.matcher(in.getCamundaBusinessKey().trim()).matches()) {
        sink.add(call, "Sagsnøglen (business key) skal gives uændret videre: #{execution.processBusinessKey}.");
      }
      if (in.getCamundaTarget() != null && (in.getCamundaSourceExpression() != null
          || !in.getCamundaTarget().equals(in.getCamundaSource()))) {
        checkWrite(sink, call, in.getCamundaTarget(), "camunda:in");
      }
    }
    for (CamundaOut out : childrenOfType(call, CamundaOut.class)) {
      if (out.getCamundaVariables() != null) {
        sink.add(call, "Returnér de enkelte variabler (camunda:out source/target) i stedet for alle.");
      }
      if (out.getCamundaTarget() != null && (out.getCamundaSourceExpression() != null
          || !out.getCamundaTarget().equals(out.getCamundaSource()))) {
        checkWrite(sink, call, out.getCamundaTarget(), "camunda:out");
      }
    }
  }

  private void checkWrite(Sink sink, BaseElement element, String variable, String where) {
    if (variable != null && vocabulary.serviceOwnedVariables().contains(variable)) {
      sink.add(element, "Variablen '" + variable + "' ejes af tjenesten (sagens reference, routing og frister) og "
          + "kan ikke skrives af " + where + ".");
    }
  }

  /** Camunda attributes and elements that refer to code, anywhere in the document. */
  private void checkCamundaMarkup(Sink sink, Element element, BpmnModelInstance model) {
    for (String attribute : CODE_ATTRIBUTES) {
      if (element.hasAttributeNS(CAMUNDA_NS, attribute)) {
        String value = element.getAttributeNS(CAMUNDA_NS, attribute);
        if (attribute.equals("type") && value.isBlank()) {
          continue;
        }
        sink.add(elementOf(element, model), switch (attribute) {
          case "class" -> "Java-klasser (camunda:class) er ikke tilladt: brug en af modellernes bønner som ${bean}.";
          case "type", "topic" -> "Eksterne opgaver (camunda:type) er ikke tilladt.";
          case "expression" -> "Brug Delegate expression (${bean}) i stedet for Expression.";
          default -> "Attributten camunda:" + attribute + " henviser til kode og er ikke tilladt.";
        });
      }
    }
    boolean camunda = CAMUNDA_NS.equals(element.getNamespaceURI());
    if (camunda && CODE_ELEMENTS.contains(element.getLocalName())) {
      sink.add(elementOf(element, model), switch (element.getLocalName()) {
        case "script" -> "Scripts er ikke tilladt: en model må ikke køre kode.";
        case "connector" -> "Connectors er ikke tilladt: en model må ikke kalde andre systemer.";
        case "field" -> "Felter til Java-klasser og bønner (camunda:field) er ikke tilladt.";
        default -> "Genererede formularer (camunda:formData) er ikke tilladt: brug en Camunda-formular.";
      });
    }
    if (camunda && ("taskListener".equals(element.getLocalName()) || "executionListener".equals(element.getLocalName()))) {
      if (!element.hasAttribute("delegateExpression") || element.hasAttribute("class")
          || element.hasAttribute("expression")) {
        sink.add(elementOf(element, model), "En lytter skal være en af modellernes bønner som ${bean} (Delegate "
            + "expression); Java-klasser, udtryk og scripts er ikke tilladt.");
      } else {
        checkBean(sink, elementOf(element, model), element.getAttribute("delegateExpression"));
      }
    }
    for (Element child : children(element)) {
      checkCamundaMarkup(sink, child, model);
    }
  }

  /** Every expression in attributes and texts of the document. */
  private void checkExpressions(Sink sink, Element element, BpmnModelInstance model) {
    if (PROSE.contains(element.getLocalName())) {
      return;
    }
    ModelElementInstance owner = elementOf(element, model);
    if (!CAMUNDA_NS.equals(element.getNamespaceURI()) && element.hasAttributeNS(CAMUNDA_NS, "delegateExpression")) {
      checkBean(sink, owner, element.getAttributeNS(CAMUNDA_NS, "delegateExpression"));
    }
    List<String> texts = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      if (!"delegateExpression".equals(attributes.item(i).getLocalName())) {
        texts.add(attributes.item(i).getNodeValue());
      }
    }
    List<Element> children = children(element);
    if (children.isEmpty()) {
      texts.add(element.getTextContent());
    }
    for (String text : texts) {
      for (String expression : expressions(text)) {
        checkExpression(sink, owner, expression);
      }
    }
    for (Element child : children) {
      checkExpressions(sink, child, model);
    }
  }

  /** A delegate expression: exactly ${bean} of a bean the models may use. */
  private void checkBean(Sink sink, ModelElementInstance owner, String delegate) {
    Matcher bean = BEAN_ONLY.matcher(delegate.trim());
    if (!bean.matches()) {
      sink.add(owner, "Delegate expression skal være en af modellernes bønner som ${bean}, ikke " + delegate + ".");
    } else if (!vocabulary.modelBeans().contains(bean.group(1))) {
      sink.add(owner, "Bønnen '" + bean.group(1) + "' findes ikke blandt dem, modellerne kan bruge.");
    }
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  /** A DOM of the file for the scans over every attribute (no DTDs, no external entities). */
  private static Document dom(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
  }

  void checkExpression(Sink sink, ModelElementInstance owner, String expression) {
    Tree tree;
    try {
      tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression);
    } catch (TreeBuilderException e) {
      sink.add(owner, "Udtrykket " + expression + " kan ikke læses.");
      return;
    }
    for (FunctionNode function : tree.getFunctionNodes()) {
      String name = function.getName().startsWith(":") ? function.getName().substring(1) : function.getName();
      if (!FUNCTIONS.contains(name)) {
        sink.add(owner, "Funktionen " + name + "() i " + expression + " er ikke tilladt.");
      }
    }
    walk(tree.getRoot(), node -> {
      if (node instanceof AstIdentifier identifier) {
        String name = identifier.getName();
        if (vocabulary.applicationBeans().contains(name) && !vocabulary.modelBeans().contains(name)
            && !FIXED_NAMES.contains(name)) {
          sink.add(owner, "Udtrykket " + expression + " bruger '" + name + "', som modellerne ikke må nå.");
        }
      } else if (node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot) {
        String name = dotName(dot);
        if (WRITING_METHODS.contains(name)) {
          sink.add(owner, "Udtrykket " + expression + " kalder " + name + "(): en model må ikke skrive variabler "
              + "eller nå motoren; tjenesten sætter sagens værdier.");
        }
      } else if (node instanceof AstDot dot && WRITING_METHODS.contains(dotName(dot))) {
        sink.add(owner, "Udtrykket " + expression + " bruger " + dotName(dot) + ", som ikke er tilladt.");
      } else if (node instanceof AstDot dot && "class".equals(dotName(dot))) {
        sink.add(owner, "Udtrykket " + expression + " bruger .class, som ikke er tilladt.");
      }
    });
  }

  private static String dotName(AstDot dot) {
    String text = dot.toString();
    return text.startsWith(". ") ? text.substring(2) : text.startsWith(".") ? text.substring(1) : text;
  }

  private static void walk(Node node, java.util.function.Consumer<Node> visitor) {
    if (node == null) {
      return;
    }
    visitor.accept(node);
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), visitor);
    }
  }

  /** The ${...} and #{...} expressions in a text, each as a whole expression string. */
  static List<String> expressions(String text) {
    List<String> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int depth = 0;
        int j = i + 1;
        boolean quoted = false;
        char quote = 0;
        for (; j < text.length(); j++) {
          char d = text.charAt(j);
          if (quoted) {
            if (d == quote) {
              quoted = false;
            }
          } else if (d == '\'' || d == '"') {
            quoted = true;
            quote = d;
          } else if (d == '{') {
            depth++;
          } else if (d == '}' && --depth == 0) {
            break;
          }
        }
        if (j >= text.length()) {
          found.add(text.substring(i));
          break;
        }
        found.add(text.substring(i, j + 1));
        i = j + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  // ----------------------------------------------------------------------------------------- DMN

  private void checkDmn(String resource, byte[] content, List<Problem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(new Problem(resource, null, "Filen kan ikke læses som DMN 1.3."));
      return;
    }
    Sink sink = new Sink(resource, problems);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      checkTimeToLive(sink, "beslutningen " + (decision.getName() == null ? decision.getId() : decision.getName())
          + " (" + decision.getId() + ")", decision.getCamundaHistoryTimeToLiveString());
    }
    try {
      checkDmnLanguages(sink, dom(content).getDocumentElement());
    } catch (Exception e) {
      problems.add(new Problem(resource, null, "Filen kan ikke læses som DMN 1.3."));
    }
  }

  private void checkDmnLanguages(Sink sink, Element element) {
    for (String attribute : List.of("expressionLanguage", "typeLanguage")) {
      String language = element.getAttribute(attribute);
      if (!language.isBlank() && !isFeelOrJuel(language)) {
        sink.add(null, "Udtrykssproget '" + language + "' er ikke tilladt i beslutningstabeller: brug FEEL.");
      }
    }
    List<Element> children = children(element);
    if ("text".equals(element.getLocalName()) && children.isEmpty()) {
      String text = element.getTextContent();
      if (EXTERNAL_FUNCTION.matcher(text).find()) {
        sink.add(null, "Eksterne funktioner (external/java) er ikke tilladt i beslutningstabeller.");
      }
      for (String expression : expressions(text)) {
        checkExpression(sink, null, expression);
      }
    }
    for (Element child : children) {
      checkDmnLanguages(sink, child);
    }
  }

  private static boolean isFeelOrJuel(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    return l.contains("feel") || l.equals("juel");
  }

  // --------------------------------------------------------------------------------------- forms

  private java.util.Optional<JsonNode> checkForm(String resource, byte[] content, List<Problem> problems) {
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (IOException e) {
      problems.add(new Problem(resource, null, "Filen kan ikke læses som en Camunda-formular (JSON)."));
      return java.util.Optional.empty();
    }
    if (form == null || !form.isObject() || !form.hasNonNull("id") || !form.path("components").isArray()) {
      problems.add(new Problem(resource, null, "Filen er ikke en Camunda-formular (id og components mangler)."));
      return java.util.Optional.empty();
    }
    if (form.path("schemaVersion").asInt(Integer.MAX_VALUE) > MAX_SCHEMA_VERSION) {
      problems.add(new Problem(resource, null, "Formularen er gemt med skemaversion " + form.path("schemaVersion")
          + "; Tasklist 7.24 kan vise højst version " + MAX_SCHEMA_VERSION
          + " (sæt eksekveringsplatformen i Modeler til Camunda 7.24)."));
    }
    checkComponents(resource, form.path("components"), problems);
    return java.util.Optional.of(form);
  }

  private void checkComponents(String resource, JsonNode components, List<Problem> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String where = component.path("key").asText(component.path("id").asText(type));
      if (!FORM_COMPONENTS.contains(type)) {
        problems.add(new Problem(resource, where, "Formularfeltet af typen '" + type
            + "' er ikke tilladt (Tasklist 7.24; ingen HTML, iframe, billeder eller udtryk)."));
      }
      for (String key : List.of("key", "path", "valuesKey")) {
        String name = component.path(key).asText(null);
        if (name != null && vocabulary.serviceOwnedVariables().contains(name)) {
          problems.add(new Problem(resource, where, "Feltet '" + name + "' ejes af tjenesten (sagens reference, "
              + "routing og frister) og kan ikke udfyldes i en formular."));
        }
      }
      for (String text : List.of("text", "label", "description", "dateLabel", "timeLabel")) {
        if (component.hasNonNull(text) && UNSAFE_TEXT.matcher(component.get(text).asText()).find()) {
          problems.add(new Problem(resource, where, "Tekster må ikke indeholde HTML eller javascript:/data:-links; "
              + "brug Markdown."));
        }
      }
      if (EXTERNAL_FUNCTION.matcher(component.path("conditional").path("hide").asText("")).find()) {
        problems.add(new Problem(resource, where, "Betingelsen må ikke bruge eksterne funktioner (external/java)."));
      }
      if (component.has("components")) {
        checkComponents(resource, component.get("components"), problems);
      }
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private static void checkTimeToLive(Sink sink, String what, String ttl) {
    if (ttl == null || ttl.isBlank()) {
      sink.add(null, "Historikkens levetid (History time to live) mangler på " + what + ".");
      return;
    }
    Integer days = days(ttl.trim());
    if (days == null || days < MIN_TTL_DAYS || days > MAX_TTL_DAYS) {
      sink.add(null, "Historikkens levetid på " + what + " skal være " + MIN_TTL_DAYS + " til " + MAX_TTL_DAYS
          + " dage (er '" + ttl + "'); sager slettes efter opbevaringsperioden af tjenesten.");
    }
  }

  static Integer days(String ttl) {
    try {
      if (ttl.matches("\\d+")) {
        return Integer.valueOf(ttl);
      }
      if (ttl.startsWith("P")) {
        return (int) Duration.parse(ttl).toDays();
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String kind(EventDefinition definition) {
    String name = definition.getElementType().getTypeName();
    return switch (name) {
      case "timerEventDefinition" -> "tidsbegivenhed (timer)";
      case "messageEventDefinition" -> "meddelelse";
      case "signalEventDefinition" -> "signal";
      case "conditionalEventDefinition" -> "betingelse";
      default -> name;
    };
  }

  private static String label(BaseElement element) {
    String name = element instanceof FlowElement flow ? flow.getName()
        : element instanceof Process process ? process.getName() : null;
    return (name == null || name.isBlank() ? "" : "'" + name + "' ") + "(" + element.getId() + ")";
  }

  private static BaseElement owner(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof BaseElement && ((BaseElement) current).getId() != null)) {
      current = current.getParentElement();
    }
    return (BaseElement) current;
  }

  private static ModelElementInstance elementOf(Element element, BpmnModelInstance model) {
    for (org.w3c.dom.Node current = element; current instanceof Element e; current = e.getParentNode()) {
      if (e.hasAttribute("id") && model.getModelElementById(e.getAttribute("id")) != null) {
        return model.getModelElementById(e.getAttribute("id"));
      }
    }
    return null;
  }

  private static <T extends ModelElementInstance> List<T> childrenOfType(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return List.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list();
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  /** Collects problems of one file with the element they belong to. */
  private record Sink(String resource, List<Problem> problems) {
    void add(ModelElementInstance element, String message) {
      String where = null;
      if (element instanceof BaseElement base) {
        where = label(base);
      }
      Problem problem = new Problem(resource, where, message);
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
  }

  // ------------------------------------------------------------------------------- style rules

  /**
   * The style rules of the house (the build checks them on the models in {@code processes/}):
   * every flow node and flow drawn.
   */
  public static List<Problem> undrawn(String resource, BpmnModelInstance model) {
    List<Problem> problems = new ArrayList<>();
    Set<String> drawn = new java.util.HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!drawn.contains(node.getId())) {
        problems.add(new Problem(resource, label(node), "Elementet er ikke tegnet i diagrammet."));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!drawn.contains(flow.getId())) {
        problems.add(new Problem(resource, flow.getId(), "Forbindelsen er ikke tegnet i diagrammet."));
      }
    }
    return problems;
  }
}
