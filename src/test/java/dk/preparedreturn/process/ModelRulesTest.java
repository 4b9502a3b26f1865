package dk.preparedreturn.process;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.identity.Groups;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every deployment must keep ({@link ModelRules}): the process owners' models in
 * {@code processes/} keep them, and each model below, written as a process owner could write it in
 * Modeler, is refused with a message that names what is wrong. That a refused deployment changes
 * nothing, on every path, is proven on PostgreSQL by {@code HostileUsersIT}.
 */
class ModelRulesTest {

  static final Set<String> APPLICATION_BEANS = Set.of("caseFileRepository", "jdbcClient", "dataSource",
      "referralService", "notify", "deadlines", "validateFlightBooking", "casePhase");

  static ModelRules rules() {
    return new ModelRules(new ModelRules.Vocabulary(new ModelBeansConfiguration().processModelBeans().names(),
        APPLICATION_BEANS, Set.copyOf(Groups.DANISH_CASE_ACTORS), ServiceOwned.ROUTED_CANDIDATE_GROUPS,
        ServiceOwned.VARIABLES, ServiceOwned.ASSIGNEES, key -> key.equals("BookFlight")));
  }

  @Test
  void theModelsOfTheProcessOwnersKeepEveryRule() throws IOException {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        resources.put(Path.of("processes").relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    assertThat(resources).hasSizeGreaterThan(40);
    assertThat(rules().check(resources)).isEmpty();
  }

  static Stream<List<String>> refusedModels() {
    return Stream.of(
        List.of("a shell command through a Java class", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" "
            + "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\"/>"), "camunda:class"),
        List.of("a script task", task("<bpmn:scriptTask id=\"Task_X\" name=\"X\" scriptFormat=\"groovy\">"
            + "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"), "Script"),
        List.of("a script in a listener", task("<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"cmm\" "
            + "camunda:formRef=\"BookFlight\" camunda:formRefBinding=\"latest\"><bpmn:extensionElements>"
            + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
            + "</camunda:taskListener></bpmn:extensionElements></bpmn:userTask>"), "Script"),
        List.of("an external task", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" camunda:type=\"external\" "
            + "camunda:topic=\"x\"/>"), "Eksterne opgaver"),
        List.of("a connector", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\"><bpmn:extensionElements>"
            + "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
            + "</bpmn:extensionElements></bpmn:serviceTask>"), "Connectors"),
        List.of("a bean the models may not use", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" "
            + "camunda:delegateExpression=\"${referralService}\"/>"), "referralService"),
        List.of("an expression that reaches a repository", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" "
            + "camunda:expression=\"${caseFileRepository.find('FH-2026-00001')}\"/>"), "caseFileRepository"),
        List.of("a variable written by an expression", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" "
            + "camunda:delegateExpression=\"${notify}\"><bpmn:extensionElements><camunda:executionListener "
            + "event=\"start\" delegateExpression=\"${casePhase}\"/></bpmn:extensionElements></bpmn:serviceTask>"
            + "<bpmn:sequenceFlow id=\"Flow_Y\" sourceRef=\"Task_X\" targetRef=\"Task_X\"><bpmn:conditionExpression "
            + "xsi:type=\"bpmn:tFormalExpression\">${execution.setVariable('caseRef', 'FH-2026-00001') == null}"
            + "</bpmn:conditionExpression></bpmn:sequenceFlow>"), "setVariable"),
        List.of("an embedded HTML form", task("<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"cmm\" "
            + "camunda:formKey=\"embedded:deployment:x.html\"/>"), "formularnøgler"),
        List.of("a task for a partner named in the model", task("<bpmn:userTask id=\"Task_X\" name=\"X\" "
            + "camunda:candidateGroups=\"partner-th\" camunda:formRef=\"BookFlight\" camunda:formRefBinding=\"latest\"/>"),
            "partner-th"),
        List.of("a task for managers", task("<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"ledelse\" "
            + "camunda:formRef=\"BookFlight\" camunda:formRefBinding=\"latest\"/>"), "ledelse"),
        List.of("a task for a named user", task("<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"cmm\" "
            + "camunda:assignee=\"th-somchai\" camunda:formRef=\"BookFlight\" camunda:formRefBinding=\"latest\"/>"),
            "th-somchai"),
        List.of("a timer start event", process("<bpmn:startEvent id=\"StartEvent_X\" name=\"X\"><bpmn:timerEventDefinition>"
            + "<bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>"),
            "tidsbegivenhed"),
        List.of("a signal", task("<bpmn:intermediateThrowEvent id=\"Event_X\" name=\"X\"><bpmn:signalEventDefinition/>"
            + "</bpmn:intermediateThrowEvent>"), "Signaler"),
        List.of("a history time to live of 0", process("<bpmn:startEvent id=\"StartEvent_X\" name=\"X\"/>")
            .replace("camunda:historyTimeToLive=\"1095\"", "camunda:historyTimeToLive=\"0\""), "levetid"),
        List.of("no history time to live", process("<bpmn:startEvent id=\"StartEvent_X\" name=\"X\"/>")
            .replace("camunda:historyTimeToLive=\"1095\"", ""), "levetid"),
        List.of("a service-owned variable written by an output mapping", task("<bpmn:serviceTask id=\"Task_X\" "
            + "name=\"X\" camunda:delegateExpression=\"${notify}\"><bpmn:extensionElements><camunda:inputOutput>"
            + "<camunda:outputParameter name=\"partnerGroup\">partner-th</camunda:outputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>"), "partnerGroup"),
        List.of("another case's business key passed to a called process", task("<bpmn:callActivity id=\"Call_X\" "
            + "name=\"X\" calledElement=\"Reintegration\"><bpmn:extensionElements><camunda:in "
            + "businessKey=\"FH-2026-00001\"/></bpmn:extensionElements></bpmn:callActivity>"), "business key"),
        List.of("a deadline written back by a called process", task("<bpmn:callActivity id=\"Call_X\" name=\"X\" "
            + "calledElement=\"Reintegration\"><bpmn:extensionElements><camunda:out sourceExpression=\"2099-12-31\" "
            + "target=\"departureDeadline\"/></bpmn:extensionElements></bpmn:callActivity>"), "departureDeadline"),
        List.of("field injection into a bean", task("<bpmn:serviceTask id=\"Task_X\" name=\"X\" "
            + "camunda:delegateExpression=\"${notify}\"><bpmn:extensionElements><camunda:field name=\"mailboxes\">"
            + "<camunda:string>x</camunda:string></camunda:field></bpmn:extensionElements></bpmn:serviceTask>"),
            "camunda:field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedModels")
  void aModelThatCouldRunCodeReachBeansWriteWhatTheServiceOwnsOrGrantAccessIsRefused(List<String> example) {
    List<ModelRules.Problem> problems = rules().check(Map.of("Attack.bpmn", example.get(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(problems).as(example.get(0)).isNotEmpty();
    assertThat(problems.toString()).as(example.get(0)).contains(example.get(2));
  }

  @Test
  void onlyModelAndFormFilesAreDeployed() {
    assertThat(rules().check(Map.of("x.html", "<script cam-script>alert(1)</script>".getBytes()))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Kun BPMN-, DMN- og Camunda Forms-filer"));
    assertThat(rules().check(Map.of("Empty.bpmn", new byte[0]))).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("Filen er tom."));
    assertThat(rules().check(Map.of("Broken.bpmn", "<not-bpmn".getBytes()))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("kan ikke læses"));
  }

  @Test
  void formsMayNotHoldHtmlNorFieldsTheServiceOwns() {
    String form = "{\"id\":\"X\",\"schemaVersion\":16,\"type\":\"default\",\"components\":["
        + "{\"type\":\"text\",\"text\":\"<img src=x onerror=alert(1)>\"},"
        + "{\"type\":\"textfield\",\"key\":\"caseRef\",\"label\":\"Sag\"},"
        + "{\"type\":\"html\",\"content\":\"<script>1</script>\"}]}";
    String problems = rules().check(Map.of("X.form", form.getBytes())).toString();
    assertThat(problems).contains("HTML eller javascript", "caseRef", "'html'");
    assertThat(rules().check(Map.of("X.form", form.replace("16", "19").getBytes())).toString()).contains("skemaversion");
  }

  @Test
  void decisionTablesUseFeelAndHaveASaneHistoryTimeToLive() {
    String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"D\" name=\"D\" namespace=\"x\">"
        + "<decision id=\"X\" name=\"X\" camunda:historyTimeToLive=\"1\"><decisionTable id=\"T\">"
        + "<input id=\"I\"><inputExpression id=\"E\" typeRef=\"string\" expressionLanguage=\"javascript\">"
        + "<text>java.lang.Runtime</text></inputExpression></input><output id=\"O\" name=\"o\" typeRef=\"string\"/>"
        + "</decisionTable></decision></definitions>";
    String problems = rules().check(Map.of("X.dmn", dmn.getBytes())).toString();
    assertThat(problems).contains("javascript", "levetid");
  }

  static String process(String elements) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions "
        + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Definitions_Attack\" targetNamespace=\"x\">"
        + "<bpmn:process id=\"Attack\" name=\"Attack\" isExecutable=\"true\" camunda:historyTimeToLive=\"1095\">"
        + elements + "</bpmn:process></bpmn:definitions>";
  }

  static String task(String element) {
    return process("<bpmn:startEvent id=\"StartEvent_X\" name=\"X\"/>" + element);
  }
}
