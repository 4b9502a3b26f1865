package dk.preparedreturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Attacks;
import dk.preparedreturn.testsupport.DatabaseSnapshot;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestDatabase;
import dk.preparedreturn.testsupport.TestUsers;
import dk.preparedreturn.testsupport.WebappSession;
import dk.preparedreturn.testsupport.WebappsEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service against its own users, on PostgreSQL: every attack a security review tried as a
 * malicious caseworker, partner, manager or process owner with a valid account, on every path
 * ({@code /engine-rest}, the webapps' own API under {@code /camunda/api}, {@code /api}, {@code /app}).
 * Each attack asserts the refusal (status, and a body that names no internal class) <b>and</b> that
 * nothing changed: every table of the database hashed before and after (only the outbox, which a
 * scheduler works through, and the metrics log are left out), the case records and participants,
 * and files on disk where the attack would write one. Beside them, the legitimate action each
 * attack imitates still works.
 *
 * <p>The steps run in order (one case's tasks are completed along the way); each is a test of its
 * own in the report. {@link #ATTACKS} counts the attacks tried; docs/security.md gives
 * the figure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUsersIT extends PostgresIntegrationTest {

  static final String PASSWORD = "Hostile-Test-Passw0rd!";
  static final Map<String, String> USERS = new LinkedHashMap<>();
  static final Set<String> BACKGROUND = Set.of("notification", "act_ru_meter_log");
  static final Set<String> COUNT_ONLY = Set.of("act_id_user", "databasechangeloglock");
  /** Attacks tried (refusals asserted with nothing changed). */
  static final Attacks ATTACKS = new Attacks(HostileUsersIT::snapshotOf);

  static {
    USERS.put("cmm", "hs-cmm");
    USERS.put("udlaendingestyrelsen", "hs-us");
    USERS.put("hjemrejsestyrelsen", "hs-hjs");
    USERS.put("drc", "hs-drc");
    USERS.put("politi", "hs-pol");
    USERS.put("partner-ng", "hs-ng");
    USERS.put("partner-th", "hs-th");
    USERS.put("partner-ng-lagos", "hs-ng-lagos");
    USERS.put("procesejere", "hs-po");
    USERS.put("ledelse", "hs-mgr");
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  Journey nigeria;
  Journey romania;
  Journey thailand;
  /** A Nigerian case DRC transfers from partner-ng to the regional partner in Lagos. */
  Journey transferred;
  @Autowired
  dk.preparedreturn.transfer.PartnerTransfers transfers;
  @Autowired
  dk.preparedreturn.casefile.CaseParticipation participation;

  /** Once per class, inside the test (the process-coverage recorder needs a running test). */
  @BeforeEach
  void cases() {
    // the REST API and the webapps find the engine "default" by name; other test contexts of this JVM
    // (started and closed by other tests) may have taken or dropped that name
    WebappsEngine.use(engine);
    if (nigeria != null) {
      return;
    }
    TestUsers.ensure(engine.getIdentityService());
    USERS.forEach((group, user) -> TestUsers.ensure(engine.getIdentityService(), user, group, PASSWORD));
    var profile = engine.getIdentityService().createUserQuery().userId("hs-cmm").singleResult();
    profile.setEmail("hs-cmm@cmm.example.dk");
    engine.getIdentityService().saveUser(profile);
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(10);
      Journey.clockAt(t0.minusDays(2));
      nigeria = Journey.start(engine, referrals, Journey.referral("HS-NG-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      romania = Journey.start(engine, referrals, Journey.referral("HS-RO-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "RO", t0.minusDays(2)));
      transferred = Journey.start(engine, referrals, Journey.referral("HS-NGT-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      nigeria.identify(t0);
      romania.identify(t0);
      transferred.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      nigeria.acceptOffer().executeDueJobs();
      romania.acceptOffer().executeDueJobs();
      transferred.acceptOffer().executeDueJobs();
      Journey.clockAt(LocalDate.now(Journey.ZONE).minusDays(1));
      thailand = Journey.start(engine, referrals, Journey.referral("HS-TH-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH", LocalDate.now(Journey.ZONE).minusDays(1)));
    } finally {
      ClockUtil.reset();
    }
    assertThat(nigeria.openTaskKeys()).contains("Task_ObtainTravelDocuments", "Task_MeetBeforeDeparture");
    assertThat(romania.openTaskKeys()).contains("Task_FindLocalPartner");
    participation.join(transferred.caseRef(), "drc");
    transfers.start(transferred.caseRef(), "partner-ng-lagos", new dk.preparedreturn.identity.Caller("hs-drc",
        List.of("drc")));
    assertThat(transferred.openTaskKeys()).contains("Task_HandOverCase", "Task_MeetBeforeDeparture");
  }

  @AfterAll
  void report() {
    System.out.printf("[hostile users] %d attacks tried, every one refused with nothing changed%n", ATTACKS.tried());
  }

  @TestFactory
  Stream<DynamicTest> attacksAndTheLegitimateActionsBesideThem() {
    List<DynamicTest> steps = new ArrayList<>();
    deployments(steps);
    completions(steps);
    variablesAndInstances(steps);
    events(steps);
    tasks(steps);
    managersAndOwners(steps);
    webapps(steps);
    badInput(steps);
    casesAndProfiles(steps);
    partnerTransfer(steps);
    return steps.stream();
  }

  // ----------------------------------------------------------------------------- deployments

  void deployments(List<DynamicTest> steps) {
    String marker = "/tmp/hostile-shell-" + UUID.randomUUID();
    steps.add(ATTACKS.refused("a process owner runs a shell command through a Java class and a timer start", 400, () ->
        deploy("hs-po", part("Shell.bpmn", process("Shell", "<bpmn:startEvent id=\"StartEvent_Now\" name=\"Now\">"
            + "<bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>"
            + "</bpmn:startEvent><bpmn:serviceTask id=\"Task_Shell\" name=\"Shell\" camunda:class=\""
            + "org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\"><bpmn:extensionElements>"
            + "<camunda:field name=\"command\"><camunda:string>sh</camunda:string></camunda:field>"
            + "<camunda:field name=\"arg1\"><camunda:string>-c</camunda:string></camunda:field>"
            + "<camunda:field name=\"arg2\"><camunda:string>id &gt; " + marker + "</camunda:string></camunda:field>"
            + "<camunda:field name=\"wait\"><camunda:string>true</camunda:string></camunda:field>"
            + "<camunda:field name=\"outputVariable\"><camunda:string>shellOut</camunda:string></camunda:field>"
            + "</bpmn:extensionElements></bpmn:serviceTask>"
            + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_Now\" targetRef=\"Task_Shell\"/>"))),
        body -> assertThat(body).contains("camunda:class"),
        () -> assertThat(Files.exists(Path.of(marker))).as("no file written by a command").isFalse()));
    steps.add(ATTACKS.refused("a process owner builds one of the service's own classes with its beans", 400, () ->
        deploy("hs-po", part("Bean.bpmn", process("Bean", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>"
            + "<bpmn:serviceTask id=\"Task_Notify\" name=\"N\" camunda:class=\"dk.preparedreturn.notification.NotifyDelegate\"/>"))),
        body -> assertThat(body).contains("camunda:class")));
    steps.add(ATTACKS.refused("a process owner deploys a script task", 400, () ->
        deploy("hs-po", part("Script.bpmn", process("Script", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>"
            + "<bpmn:scriptTask id=\"Task_Script\" name=\"X\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
            + "</bpmn:scriptTask>"))), body -> assertThat(body).contains("Script")));
    steps.add(ATTACKS.refused("a process owner deploys an embedded HTML form with a script for CMM's Tasklist", 400, () ->
        deploy("hs-po", part("Xss.bpmn", process("Xss", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>"
                + "<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"cmm\" "
                + "camunda:formKey=\"embedded:deployment:x.html\"/>")),
            part("x.html", "<form><script cam-script>fetch('/x?'+document.cookie)</script></form>")),
        body -> assertThat(body).contains("x.html", "Task_X")));
    steps.add(ATTACKS.refused("a process owner's model writes another case's reference and gives Thailand's partner a task",
        400, () -> deploy("hs-po", part("Grant.bpmn", process("Grant", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"end\" expression=\"${execution.setVariable("
            + "'caseRef', '" + nigeria.caseRef() + "')}\"/></bpmn:extensionElements></bpmn:startEvent>"
            + "<bpmn:userTask id=\"Task_X\" name=\"X\" camunda:candidateGroups=\"partner-th\" camunda:formRef=\"BookFlight\""
            + " camunda:formRefBinding=\"latest\"/><bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_S\" "
            + "targetRef=\"Task_X\"/>"))), body -> assertThat(body).contains("partner-th")));
    steps.add(ATTACKS.refused("a process owner sets a history time to live of 0 in a model", 400, () ->
        deploy("hs-po", part("Ttl.bpmn", process("Ttl", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>")
            .replace("camunda:historyTimeToLive=\"1095\"", "camunda:historyTimeToLive=\"0\""))),
        body -> assertThat(body).contains("levetid")));
    steps.add(ATTACKS.refused("a process owner names a bean the models may not use", 400, () ->
        deploy("hs-po", part("Repo.bpmn", process("Repo", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>"
            + "<bpmn:serviceTask id=\"Task_R\" name=\"R\" camunda:delegateExpression=\"${caseRecords}\"/>"))),
        body -> assertThat(body).contains("caseRecords")));
    steps.add(ATTACKS.refused("a process owner deploys an empty BPMN part", 400, () ->
        deploy("hs-po", part("Empty.bpmn", "")), body -> assertThat(body).contains("tom")));
    steps.add(ATTACKS.refused("a process owner deploys a form with an html component", 400, () ->
        deploy("hs-po", part("Html.form", "{\"id\":\"Html\",\"schemaVersion\":16,\"type\":\"default\",\"components\":"
            + "[{\"type\":\"html\",\"content\":\"<img src=x onerror=alert(1)>\"}]}")), body -> assertThat(body).contains("html")));
    steps.add(ATTACKS.refused("a process owner deploys a decision table in JavaScript", 400, () ->
        deploy("hs-po", part("Js.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
            + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"D\" name=\"D\" namespace=\"x\"><decision id=\"Js\" "
            + "name=\"Js\" camunda:historyTimeToLive=\"1095\"><decisionTable id=\"T\"><input id=\"I\"><inputExpression "
            + "id=\"E\" typeRef=\"string\" expressionLanguage=\"javascript\"><text>1</text></inputExpression></input>"
            + "<output id=\"O\" name=\"o\" typeRef=\"string\"/></decisionTable></decision></definitions>")),
        body -> assertThat(body).contains("javascript")));
    steps.add(ATTACKS.refused("a caseworker deploys a harmless model", 403, () ->
        deploy("hs-cmm", part("Harmless.bpmn", process("Harmless", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>")))));
    steps.add(ATTACKS.refused("a process owner deploys the script through Cockpit's own API (session)", 400, () ->
        session("hs-po", "cockpit").post("/camunda/api/engine/engine/default/deployment/create",
            multipart(part("Sess.bpmn", process("Sess", "<bpmn:startEvent id=\"StartEvent_S\" name=\"S\"/>"
                + "<bpmn:scriptTask id=\"Task_Script\" name=\"X\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
                + "</bpmn:scriptTask>"))), "multipart/form-data; boundary=" + BOUNDARY)));
    steps.add(Attacks.legitimate("a process owner deploys a changed model with its form, as Modeler does", () -> {
      String model = Files.readString(Path.of("processes/phases/SupportMonth.bpmn"))
          .replace("id=\"SupportMonth\"", "id=\"SupportMonthChanged\"")
          .replace("<bpmn:documentation>", "<bpmn:documentation>Changed by a process owner. ");
      HttpResponse<String> response = deploy("hs-po", part("SupportMonthChanged.bpmn", model),
          part("PayCashSupport.form", Files.readString(Path.of("processes/forms/PayCashSupport.form"))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("SupportMonthChanged")
          .count()).isEqualTo(1);
    }));
  }

  // ----------------------------------------------------------------------------- completions

  void completions(List<DynamicTest> steps) {
    steps.add(ATTACKS.refused("Hjemrejsestyrelsen completes its task with another case's reference", 400, () -> {
      Task task = nigeria.task("Task_ObtainTravelDocuments");
      return post("hs-hjs", "/engine-rest/task/" + task.getId() + "/complete", vars(Map.of(
          "travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
          "caseRef", string(thailand.caseRef()))));
    }, body -> assertThat(body).contains("caseRef").doesNotContain("Cannot submit", "Cannot complete"),
        () -> assertThat(get("hs-hjs", "/api/cases/" + thailand.caseRef()).statusCode()).isEqualTo(404)));
    steps.add(ATTACKS.refused("Hjemrejsestyrelsen completes with a partner group of its choice", 400, () ->
        post("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_ObtainTravelDocuments").getId() + "/submit-form",
            vars(Map.of("travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
                "partnerGroup", string("partner-th")))), body -> assertThat(body).contains("partnerGroup")));
    steps.add(ATTACKS.refused("a 1 MB Object variable on a completion", 400, () ->
        post("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_ObtainTravelDocuments").getId() + "/complete",
            vars(Map.of("travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
                "blob", Map.of("type", "Object", "value", "{\"x\":\"" + "a".repeat(1_000_000) + "\"}",
                    "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                        "serializationDataFormat", "application/json")))))));
    steps.add(ATTACKS.refused("a 5 MB Json variable on a completion", 400, () ->
        post("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_ObtainTravelDocuments").getId() + "/complete",
            vars(Map.of("travelDocuments", jsonVar("[\"" + "PASSPORT\",\"".repeat(400_000) + "PASSPORT\"]"),
                "documentsValidUntil", string("2030-01-01"))))));
    steps.add(ATTACKS.refused("a Java-serialized variable on a completion", 400, () ->
        post("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_ObtainTravelDocuments").getId() + "/complete",
            vars(Map.of("travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
                "x", Map.of("type", "Object", "value", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}),
                    "valueInfo", Map.of("objectTypeName", "java.lang.Runtime",
                        "serializationDataFormat", "application/x-java-serialized-object")))))));
    steps.add(ATTACKS.refused("a checkbox sent as text", 400, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/complete",
            vars(Map.of("screeningResult", string("INDICATORS_FOUND"), "consentRecorded", string("yes")))),
        body -> assertThat(body).contains("ja eller nej")));
    steps.add(ATTACKS.refused("Hjemrejsestyrelsen completes with an extra variable through Tasklist's own API", 400, () ->
        session("hs-hjs", "tasklist").post("/camunda/api/engine/engine/default/task/"
            + nigeria.task("Task_ObtainTravelDocuments").getId() + "/submit-form", vars(Map.of(
                "travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
                "departureDeadline", string("2099-12-31"))), "application/json"),
        body -> assertThat(body).contains("departureDeadline")));
    steps.add(Attacks.legitimate("Hjemrejsestyrelsen completes its task with exactly the form's fields", () -> {
      HttpResponse<String> response = post("hs-hjs", "/engine-rest/task/"
          + nigeria.task("Task_ObtainTravelDocuments").getId() + "/submit-form", vars(Map.of(
              "travelDocuments", jsonVar("[\"PASSPORT\"]"), "documentsValidUntil", string("2030-01-01"),
              "accompanyingChildren", Map.of("value", 0, "type", "Integer"))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      nigeria.assessedSafe();
      assertThat(nigeria.hasTask("Task_BookFlight")).isTrue();
    }));
    steps.add(ATTACKS.refused("'Book fly' with the departure deadline moved to 2099", 400, () -> {
      Task task = nigeria.task("Task_BookFlight");
      return post("hs-hjs", "/engine-rest/task/" + task.getId() + "/complete", vars(Map.of(
          "plannedDepartureDate", string(LocalDate.now(Journey.ZONE).plusDays(3).toString()),
          "flightNumber", string("SK 123"), "departureDeadline", string("2099-12-31"))));
    }, body -> assertThat(body).contains("departureDeadline")));
  }

  // -------------------------------------------------------------------- variables and instances

  void variablesAndInstances(List<DynamicTest> steps) {
    steps.add(ATTACKS.refused("a caseworker sets a variable on her task", 403, () ->
        put("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_BookFlight").getId() + "/variables/caseRef",
            "{\"value\":\"" + thailand.caseRef() + "\",\"type\":\"String\"}")));
    steps.add(ATTACKS.refused("a caseworker modifies her task's variables", 403, () ->
        post("hs-hjs", "/engine-rest/task/" + nigeria.task("Task_BookFlight").getId() + "/variables",
            "{\"modifications\":{\"departureDeadline\":{\"value\":\"2099-12-31\",\"type\":\"String\"}}}")));
    steps.add(ATTACKS.refused("a caseworker sets a routing variable on the case's process instance", 403, () ->
        put("hs-hjs", "/engine-rest/process-instance/" + nigeria.mainId() + "/variables/partnerGroup",
            "{\"value\":\"partner-th\",\"type\":\"String\"}")));
    steps.add(ATTACKS.refused("a caseworker sets local variables on an execution", 403, () ->
        post("hs-hjs", "/engine-rest/execution/" + nigeria.mainId() + "/localVariables",
            "{\"modifications\":{\"caseRef\":{\"value\":\"x\",\"type\":\"String\"}}}")));
    steps.add(ATTACKS.refused("a partner correlates the message that closes a case", 403, () ->
        post("hs-th", "/engine-rest/message", "{\"messageName\":\"PersonLeftProgramme\",\"businessKey\":\""
            + nigeria.caseRef() + "\",\"processVariables\":{\"exitReason\":{\"value\":\"PERSON_WITHDREW\"}}}")));
    steps.add(ATTACKS.refused("a caseworker throws a signal", 403, () ->
        post("hs-cmm", "/engine-rest/signal", "{\"name\":\"anything\"}")));
    steps.add(ATTACKS.refused("Thailand's partner starts ReportPartnerEvent for a Nigerian case in Nigeria's name", 403, () ->
        post("hs-th", "/engine-rest/process-definition/key/ReportPartnerEvent/start", "{\"businessKey\":\""
            + nigeria.caseRef() + "\",\"variables\":{\"reportedBy\":{\"value\":\"hs-ng\"},\"caseRef\":{\"value\":\""
            + nigeria.caseRef() + "\"},\"event\":{\"value\":\"PERSON_WITHDREW\"},\"reporterGroup\":{\"value\":"
            + "\"partner-ng\"},\"eventDate\":{\"value\":\"" + LocalDate.now(Journey.ZONE) + "\"}}}"),
        body -> assertThat(body).doesNotContain("org.camunda"),
        () -> assertThat(nigeria.hasTask("Task_BookFlight")).as("the case goes on").isTrue()));
    steps.add(ATTACKS.refused("DRC starts RecordCaseEvent directly with CMM as reporter", 403, () ->
        post("hs-drc", "/engine-rest/process-definition/key/RecordCaseEvent/start", "{\"businessKey\":\""
            + nigeria.caseRef() + "\",\"variables\":{\"reportedBy\":{\"value\":\"hs-cmm\"},\"event\":{\"value\":"
            + "\"EXTENSION_REQUESTED\"},\"reporterGroup\":{\"value\":\"cmm\"}}}")));
    steps.add(ATTACKS.refused("a caseworker starts an instance before an end event (start instructions)", 403, () ->
        post("hs-cmm", "/engine-rest/process-definition/key/RecordCaseEvent/start", "{\"businessKey\":\""
            + nigeria.caseRef() + "\",\"skipCustomListeners\":true,\"startInstructions\":[{\"type\":"
            + "\"startBeforeActivity\",\"activityId\":\"EndEvent_EventDelivered\"}]}")));
    steps.add(ATTACKS.refused("an administrator starts with skipCustomListeners and no instructions", 400, () ->
        post(ADMIN, "/engine-rest/process-definition/key/RecordCaseEvent/start",
            "{\"businessKey\":\"x\",\"skipCustomListeners\":true}")));
    steps.add(ATTACKS.refused("a caseworker modifies the case's process instance", 403, () ->
        post("hs-cmm", "/engine-rest/process-instance/" + nigeria.mainId() + "/modification",
            "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
            + "\"EndEvent_ProgrammeCompleted\"}]}")));
  }

  // ---------------------------------------------------------------------------------- events

  void events(List<DynamicTest> steps) {
    steps.add(ATTACKS.refused("Thailand's partner reports a withdrawal in a Nigerian case through the API", 404, () ->
        post("hs-th", "/api/cases/" + nigeria.caseRef() + "/events", "{\"event\":\"PERSON_WITHDREW\",\"eventDate\":\""
            + LocalDate.now(Journey.ZONE) + "\"}")));
    steps.add(ATTACKS.refused("Nigeria's partner reports in CMM's name", 400, () ->
        post("hs-ng", "/api/cases/" + nigeria.caseRef() + "/events", "{\"event\":\"EXTENSION_REQUESTED\",\"eventDate\":\""
            + LocalDate.now(Journey.ZONE) + "\",\"reportedBy\":\"hs-cmm\"}"),
        body -> assertThat(body).contains("reportedBy")));
    steps.add(ATTACKS.refused("Nigeria's partner requests an extension (CMM's event)", 400, () ->
        post("hs-ng", "/api/cases/" + nigeria.caseRef() + "/events", "{\"event\":\"EXTENSION_REQUESTED\",\"eventDate\":\""
            + LocalDate.now(Journey.ZONE) + "\"}")));
    steps.add(Attacks.legitimate("CMM requests an extension on the case page's API as itself", () -> {
      HttpResponse<String> response = post("hs-cmm", "/api/cases/" + nigeria.caseRef() + "/events",
          "{\"event\":\"EXTENSION_REQUESTED\",\"eventDate\":\"" + LocalDate.now(Journey.ZONE) + "\"}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(nigeria.hasTask("Task_DecideOnExtension")).isTrue();
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("reportedBy")
          .variableValueEquals("reportedBy", "hs-cmm").count()).isPositive();
    }));
  }

  // ----------------------------------------------------------------------------------- tasks

  void tasks(List<DynamicTest> steps) {
    steps.add(ATTACKS.refused("a CMM caseworker claims CMM's task for Thailand's partner", 403, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/claim",
            "{\"userId\":\"hs-th\"}"), () -> assertThat(thailand.task("Task_ScreenReferral").getAssignee()).isNull()));
    steps.add(ATTACKS.refused("a CMM caseworker assigns CMM's task to Thailand's partner", 403, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/assignee",
            "{\"userId\":\"hs-th\"}")));
    steps.add(ATTACKS.refused("a CMM caseworker adds Thailand's partner as a candidate group", 403, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/identity-links",
            "{\"groupId\":\"partner-th\",\"type\":\"candidate\"}")));
    steps.add(ATTACKS.refused("a caseworker moves her task's due date", 403, () -> {
      Task task = thailand.task("Task_ScreenReferral");
      return put("hs-cmm", "/engine-rest/task/" + task.getId(), "{\"name\":\"" + task.getName()
          + "\",\"due\":\"2099-12-31T00:00:00.000+0100\"}");
    }));
    steps.add(ATTACKS.refused("a caseworker creates a task of her own", 403, () ->
        post("hs-cmm", "/engine-rest/task/create", "{\"id\":\"hs-own-task\",\"name\":\"Mine\"}")));
    steps.add(ATTACKS.refused("a caseworker throws a BPMN error on her task", 403, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/bpmnError",
            "{\"errorCode\":\"anything\"}"), () -> assertThat(thailand.hasTask("Task_ScreenReferral")).isTrue()));
    steps.add(ATTACKS.refused("a caseworker escalates her task", 403, () ->
        post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/bpmnEscalation",
            "{\"escalationCode\":\"anything\"}")));
    steps.add(ATTACKS.refused("a caseworker deletes her task", 403, () ->
        delete("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId())));
    steps.add(Attacks.legitimate("a CMM caseworker claims CMM's task for herself", () -> {
      HttpResponse<String> response = post("hs-cmm", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId()
          + "/claim", "{\"userId\":\"hs-cmm\"}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(thailand.task("Task_ScreenReferral").getAssignee()).isEqualTo("hs-cmm");
    }));
  }

  // --------------------------------------------------------------------- managers and owners

  void managersAndOwners(List<DynamicTest> steps) {
    // Camunda's REST resource turns every engine refusal of a comment into 400 "Not enough parameters"
    steps.add(ATTACKS.refused("a manager comments on a task", 400, () ->
        post("hs-mgr", "/engine-rest/task/" + thailand.task("Task_ScreenReferral").getId() + "/comment/create",
            "{\"message\":\"managers change nothing\",\"processInstanceId\":\""
            + thailand.task("Task_ScreenReferral").getProcessInstanceId() + "\"}")));
    steps.add(ATTACKS.refused("a process owner sets the journey's history time to live to 0", 403, () ->
        put("hs-po", "/engine-rest/process-definition/" + definitionId("PreparedReturn") + "/history-time-to-live",
            "{\"historyTimeToLive\":0}")));
    steps.add(ATTACKS.refused("a process owner sets a decision's history time to live to 0", 403, () ->
        put("hs-po", "/engine-rest/decision-definition/" + engine.getRepositoryService().createDecisionDefinitionQuery()
            .decisionDefinitionKey("PartnerAgreement").latestVersion().singleResult().getId() + "/history-time-to-live",
            "{\"historyTimeToLive\":0}")));
    steps.add(ATTACKS.refused("a manager deletes a case's process instance", 403, () ->
        delete("hs-mgr", "/engine-rest/process-instance/" + thailand.mainId())));
    steps.add(ATTACKS.refused("a process owner suspends the running cases with the model", 403, () ->
        put("hs-po", "/engine-rest/process-definition/" + definitionId("PreparedReturn") + "/suspended",
            "{\"suspended\":true,\"includeProcessInstances\":true}")));
  }

  // -------------------------------------------------------------------------------- webapps

  void webapps(List<DynamicTest> steps) {
    steps.add(ATTACKS.refused("a partner signed in to Tasklist reads Cockpit's statistics", 403, () ->
        session("hs-th", "tasklist").get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50")));
    steps.add(ATTACKS.refused("a caseworker signed in to Tasklist reads Admin's metrics", 403, () ->
        session("hs-cmm", "tasklist").get("/camunda/api/admin/plugin/adminPlugins/default/metrics")));
    steps.add(Attacks.legitimate("a manager reads Cockpit's statistics", () -> {
      HttpResponse<String> response = session("hs-mgr", "cockpit")
          .get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }));
  }

  // ------------------------------------------------------------------------------ bad input

  void badInput(List<DynamicTest> steps) {
    for (String k : List.of("abc", "5.5", "99999999999999999999")) {
      steps.add(ATTACKS.refused("statistics.csv with k=" + k, 400, () -> get("hs-mgr", "/api/reports/statistics.csv?k=" + k),
          body -> assertThat(body).contains("\"k\"")));
    }
    steps.add(ATTACKS.refused("the notification list with limit=abc", 400, () -> get(ADMIN, "/api/notifications?limit=abc"),
        body -> assertThat(body).contains("limit")));
    steps.add(ATTACKS.refused("a referral dated -999999999-01-01", 400, () -> post("hs-pol", "/api/referrals",
        referralBody("HS-DATE-" + UUID.randomUUID(), "-999999999-01-01")), body -> assertThat(body).contains("referralDate")));
    steps.add(ATTACKS.refused("a malformed engine query whose error would name a Java class", 400, () ->
        post("hs-cmm", "/engine-rest/task", "{\"assignee\":{\"x\":1}}"),
        body -> assertThat(body).doesNotContain("java.lang", "com.fasterxml")));
  }

  // ------------------------------------------------------------------- cases and profiles

  void casesAndProfiles(List<DynamicTest> steps) {
    steps.add(DynamicTest.dynamicTest("unknown and foreign case references get the same answer, and personal data is"
        + " never cached", () -> {
      HttpResponse<String> foreign = get("hs-th", "/api/cases/" + nigeria.caseRef());
      HttpResponse<String> unknown = get("hs-th", "/api/cases/FH-2026-ZZZZZZ");
      assertThat(foreign.statusCode()).isEqualTo(404);
      assertThat(foreign.body().replace(nigeria.caseRef(), "X")).isEqualTo(unknown.body().replace("FH-2026-ZZZZZZ", "X"));
      HttpResponse<String> own = get("hs-ng", "/api/cases/" + nigeria.caseRef());
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(own.body()).contains("Testperson Fiktiv");
      assertThat(own.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(get("hs-cmm", "/engine-rest/task?maxResults=1").headers().firstValue("Cache-Control")).hasValue("no-store");
    }));
    steps.add(ATTACKS.refused("a caseworker sets her profile's e-mail to CMM's group mailbox", 403, () ->
        put("hs-cmm", "/engine-rest/user/hs-cmm/profile", "{\"id\":\"hs-cmm\",\"firstName\":\"H\",\"lastName\":\"S\","
            + "\"email\":\"cmm@example.org\"}")));
    steps.add(ATTACKS.refused("a caseworker changes a colleague's profile (the colleague is not hers to see)", 404, () ->
        put("hs-cmm", "/engine-rest/user/hs-us/profile", "{\"id\":\"hs-us\",\"firstName\":\"X\",\"lastName\":\"Y\","
            + "\"email\":\"hs-cmm@cmm.example.dk\"}")));
    steps.add(Attacks.legitimate("a caseworker corrects her name in her profile", () -> {
      HttpResponse<String> response = put("hs-cmm", "/engine-rest/user/hs-cmm/profile", "{\"id\":\"hs-cmm\","
          + "\"firstName\":\"Hanne\",\"lastName\":\"Sørensen\",\"email\":\"hs-cmm@cmm.example.dk\"}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(engine.getIdentityService().createUserQuery().userId("hs-cmm").singleResult().getFirstName())
          .isEqualTo("Hanne");
    }));
    steps.add(ATTACKS.refused("DRC picks Thailand's partner for a Romanian case", 400, () ->
        post("hs-drc", "/engine-rest/task/" + romania.task("Task_FindLocalPartner").getId() + "/submit-form",
            vars(Map.of("localPartner", string("partner-th")))), body -> assertThat(body).contains("hjemrejseland")));
    steps.add(Attacks.legitimate("DRC picks the Romanian partner", () -> {
      HttpResponse<String> response = post("hs-drc", "/engine-rest/task/" + romania.task("Task_FindLocalPartner").getId()
          + "/submit-form", vars(Map.of("localPartner", string("partner-ro"))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(jdbc.sql("SELECT partner_group FROM case_file WHERE case_ref = ?").param(romania.caseRef())
          .query(String.class).single()).isEqualTo("partner-ro");
    }));
  }

  // ------------------------------------------------------------------------ partner transfer

  /** After DRC's transfer and the hand-over, the old partner has lost the case; the new partner works on it. */
  void partnerTransfer(List<DynamicTest> steps) {
    steps.add(Attacks.legitimate("Nigeria's partner hands the case over to the partner in Lagos", () -> {
      HttpResponse<String> response = post("hs-ng", "/engine-rest/task/" + transferred.task("Task_HandOverCase").getId()
          + "/submit-form", vars(Map.of("handedOver", jsonVar("[\"PLAN_AND_PROGRESS\"]"),
              "personInformed", Map.of("value", true, "type", "Boolean"),
              "handedOverOn", string(LocalDate.now(Journey.ZONE).toString()))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(jdbc.sql("SELECT partner_group FROM case_file WHERE case_ref = ?").param(transferred.caseRef())
          .query(String.class).single()).isEqualTo("partner-ng-lagos");
    }));
    steps.add(ATTACKS.refused("the former partner reads the task it had before the transfer", 404, () ->
        get("hs-ng", "/engine-rest/task/" + transferred.task("Task_MeetBeforeDeparture").getId())));
    steps.add(ATTACKS.refused("the former partner completes the task it had before the transfer", 403, () ->
        post("hs-ng", "/engine-rest/task/" + transferred.task("Task_MeetBeforeDeparture").getId() + "/submit-form",
            vars(Map.of("partnerMeetingDate", string(LocalDate.now(Journey.ZONE).toString()),
                "partnerMeetingForm", string("VIDEO"), "planDiscussed", Map.of("value", true, "type", "Boolean")))),
        () -> assertThat(transferred.hasTask("Task_MeetBeforeDeparture")).isTrue()));
    steps.add(ATTACKS.refused("the former partner lists the case's tasks", 200, () ->
        get("hs-ng", "/engine-rest/task?processInstanceBusinessKey=" + transferred.caseRef() + "&maxResults=10"),
        body -> assertThat(body).isEqualTo("[]")));
    steps.add(ATTACKS.refused("the former partner reads the case's history, including its own hand-over", 200, () ->
        get("hs-ng", "/engine-rest/history/task?processInstanceBusinessKey=" + transferred.caseRef()
            + "&maxResults=50"), body -> assertThat(body).isEqualTo("[]")));
    steps.add(ATTACKS.refused("the former partner reads the case's main process instance", 404, () ->
        get("hs-ng", "/engine-rest/process-instance/" + transferred.mainId())));
    steps.add(ATTACKS.refused("the former partner reads the case", 404, () ->
        get("hs-ng", "/api/cases/" + transferred.caseRef())));
    steps.add(Attacks.legitimate("the partner in Lagos reads the case and completes the task", () -> {
      assertThat(get("hs-ng-lagos", "/api/cases/" + transferred.caseRef()).statusCode()).isEqualTo(200);
      HttpResponse<String> response = post("hs-ng-lagos", "/engine-rest/task/"
          + transferred.task("Task_MeetBeforeDeparture").getId() + "/submit-form",
          vars(Map.of("partnerMeetingDate", string(LocalDate.now(Journey.ZONE).toString()),
              "partnerMeetingForm", string("VIDEO"), "planDiscussed", Map.of("value", true, "type", "Boolean"))));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(transferred.hasTask("Task_MeetBeforeDeparture")).isFalse();
    }));
  }

  // ---------------------------------------------------------------------------- the harness


  static Map<String, String> snapshotOf() throws Exception {
    try (Connection db = TestDatabase.connect()) {
      return DatabaseSnapshot.of(db, COUNT_ONLY, BACKGROUND);
    }
  }

  String definitionId(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  String password(String user) {
    return user.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD;
  }

  HttpResponse<String> send(String method, String user, String path, String body, String type) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUsers.basicAuth(user, password(user)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return send("GET", user, path, null, null);
  }

  HttpResponse<String> post(String user, String path, String body) throws Exception {
    return send("POST", user, path, body, "application/json");
  }

  HttpResponse<String> put(String user, String path, String body) throws Exception {
    return send("PUT", user, path, body, "application/json");
  }

  HttpResponse<String> delete(String user, String path) throws Exception {
    return send("DELETE", user, path, null, null);
  }

  String vars(Map<String, Object> variables) throws Exception {
    return json.writeValueAsString(Map.of("variables", variables));
  }

  static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  static Map<String, Object> jsonVar(String value) {
    return Map.of("value", value, "type", "Json");
  }

  String referralBody(String reference, String date) {
    return "{\"referrerReference\":\"" + reference + "\",\"referringOrganisation\":\"politi\",\"residenceStatus\":"
        + "\"NO_LAWFUL_RESIDENCE\",\"countryOfReturn\":\"NG\",\"referralDate\":\"" + date + "\",\"person\":"
        + "{\"fullName\":\"Fiktiv Dato\"}}";
  }

  // -- deployments as Camunda Modeler sends them (CamundaAPI.js): multipart with name, source, duplicate filtering

  static final String BOUNDARY = "----hostile" + UUID.randomUUID();

  record Part(String name, String content) {
  }

  static Part part(String name, String content) {
    return new Part(name, content);
  }

  static String multipart(Part... parts) {
    StringBuilder body = new StringBuilder();
    for (String[] field : new String[][] {{"deployment-name", "hostile"}, {"deployment-source", "Camunda Modeler"},
        {"enable-duplicate-filtering", "true"}}) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
          .append("\"\r\n\r\n").append(field[1]).append("\r\n");
    }
    for (Part part : parts) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(part.name())
          .append("\"; filename=\"").append(part.name()).append("\"\r\nContent-Type: text/xml\r\n\r\n")
          .append(part.content()).append("\r\n");
    }
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  HttpResponse<String> deploy(String user, Part... parts) throws Exception {
    return send("POST", user, "/engine-rest/deployment/create", multipart(parts),
        "multipart/form-data; boundary=" + BOUNDARY);
  }

  static String process(String id, String elements) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions "
        + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "id=\"Definitions_" + id + "\" targetNamespace=\"x\"><bpmn:process id=\"" + id + "\" name=\"" + id
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1095\">" + elements
        + "</bpmn:process></bpmn:definitions>";
  }

  WebappSession session(String user, String app) throws Exception {
    return WebappSession.login(port, user, password(user), app);
  }
}
