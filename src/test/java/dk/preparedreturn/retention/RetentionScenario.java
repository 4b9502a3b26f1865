package dk.preparedreturn.retention;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.report.ReportService;
import dk.preparedreturn.testsupport.DatabaseScan;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cases go their whole way and leave personal data wherever a real case does, and some more:
 * the person's record, a Tasklist comment naming the person, a free-text and a JSON variable with
 * the person's data, the flight number and the ordinary-return reference, the user operation log of
 * a signed-in caseworker, decisions, mails, the access log. The scan first proves that it finds each
 * of these; after the retention period no column of any table (engine history included) holds any
 * person field, the case reference or an id of the case's process instances, while the statistics
 * and the managers' figures survive. Run on H2 ({@link RetentionAndStatisticsTest}) and PostgreSQL
 * ({@link RetentionIT}).
 */
final class RetentionScenario {

  static final ZoneId ZONE = Journey.ZONE;
  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  /** The anonymous statistics hold nationality and exploitation type by design (generalised). */
  static final Set<String> STATISTICS = Set.of("CASE_STATISTICS");

  record Person(String name, LocalDate birth, String referrerReference) {
  }

  private final ProcessEngine engine;
  private final ReferralService referrals;
  private final CaseService cases;
  private final CaseEventService events;
  private final JdbcClient jdbc;
  private final RetentionJob retention;
  private final ReportService reports;
  private final DatabaseScan scan;
  private final dk.preparedreturn.documents.Documents documents;

  // values no other test uses, so that a hit can only come from these two cases
  final String nationality = "TV";
  final String exploitation = "ORGAN_REMOVAL";
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final Person droppedOut = new Person("Retention Navnesen " + tag, LocalDate.of(1991, 7, 23), "RET-A-" + tag);
  final Person handedOver = new Person("Retention Overdragen " + tag, LocalDate.of(1987, 11, 5), "RET-B-" + tag);
  // a flight number in the format the form accepts, unique to this run
  final String flightNumber = "TG " + (1000 + Math.floorMod(tag.hashCode(), 9000));
  final String ordinaryReturnReference = "HJS-RET-" + tag;

  RetentionScenario(ProcessEngine engine, ReferralService referrals, CaseService cases, CaseEventService events,
      JdbcClient jdbc, RetentionJob retention, ReportService reports, DatabaseScan scan,
      dk.preparedreturn.documents.Documents documents) {
    this.documents = documents;
    this.engine = engine;
    this.referrals = referrals;
    this.cases = cases;
    this.events = events;
    this.jdbc = jdbc;
    this.retention = retention;
    this.reports = reports;
    this.scan = scan;
  }

  Journey refer(Person person, String country) {
    clockAt(REFERRAL);
    return Journey.start(engine, referrals, new Referral(person.referrerReference(), "politi",
        Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, country, REFERRAL,
        new dk.preparedreturn.casefile.PersonData(person.name(), person.birth(), nationality, "FEMALE", exploitation, false, 0, "th")));
  }

  /** Accepted, departed to Thailand, contact lost in month 1: closed as DROPPED_OUT on 2026-06-15. */
  Journey dropOutAfterDeparture() {
    Journey j = refer(droppedOut, "TH").identify(REFERRAL.plusDays(1)).acceptOffer();
    Task documents = j.task("Task_ObtainTravelDocuments");
    // a caseworker's comment in Tasklist and variables typed into a form: free text with personal data
    engine.getTaskService().createComment(documents.getId(), documents.getProcessInstanceId(),
        "Talt med " + droppedOut.name() + ", født " + droppedOut.birth() + " ("
            + droppedOut.birth().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + "), nationality: " + nationality
            + ", henvist som " + droppedOut.referrerReference());
    engine.getTaskService().setVariable(documents.getId(), "personNote",
        droppedOut.name() + " " + droppedOut.birth());
    engine.getTaskService().setVariable(documents.getId(), "personJson", SpinValues.jsonValue(
        "{\"fullName\":\"" + droppedOut.name() + "\",\"nationality\":\"" + nationality + "\",\"exploitationType\":\""
            + exploitation + "\"}").create());
    // a signed-in caseworker completes a task: the user operation log records it
    engine.getIdentityService().setAuthentication(TestUsers.HJS_CASEWORKER, List.of("hjemrejsestyrelsen"));
    try {
      engine.getFormService().submitTaskForm(documents.getId(),
          Journey.vars("travelDocuments", Journey.json("[\"PASSPORT\"]"), "documentsValidUntil",
              REFERRAL.plusYears(1).toString(), "accompanyingChildren", 0));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    LocalDate flight = LocalDate.of(2026, 5, 20);
    j.assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", flight.toString(), "flightNumber", flightNumber)
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED")
        .complete("Task_MeetBeforeDeparture", "partnerMeetingDate", Journey.today().toString(), "partnerMeetingForm",
            "VIDEO", "planDiscussed", true)
        .complete("Task_PrepareReintegrationPlan", "planAreas", Journey.json("[\"BUSINESS\"]"), "childSupport", false,
            "planBudgetDkk", 10000, "monthlyCashDkk", 1500)
        .complete("Task_PreparePersonForDeparture", "preparation", Journey.json("[\"COUNSELLING\"]"));
    j.departed(flight).arrived(flight.plusDays(1));
    // documents: a receipt whose file name and content name the person, a copy of the travel document
    byte[] receipt = ("%PDF-1.4\n% receipt for " + droppedOut.name() + "\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    this.documents.upload(j.caseRef(), new dk.preparedreturn.identity.Caller("th-test", List.of("partner-th")), "RECEIPT",
        "receipt " + droppedOut.name() + ".pdf", receipt);
    this.documents.upload(j.caseRef(), new dk.preparedreturn.identity.Caller(TestUsers.HJS_CASEWORKER,
        List.of("hjemrejsestyrelsen")), "TRAVEL_DOCUMENT", "passport.pdf", receipt);
    clockAt(LocalDate.of(2026, 6, 15));
    j.contactLostForGood(events, "partner-th");
    j.complete(PreparedReturnProcess.TASK_CLOSE_CASE_AFTER_DROP_OUT, "paymentsStopped", true, "partnerInformed", true);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.DROPPED_OUT);
    return j;
  }

  /**
   * Declined the offer without a right to stay, then withdrew (a decline alone can still be changed
   * until the deadline): handed over as an ordinary return on 2026-05-11.
   */
  Journey handOver() {
    Journey j = refer(handedOver, "NG").identify(REFERRAL.plusDays(1)).informed();
    j.complete("Task_RecordDecision", "offerDecision", "DECLINED");
    clockAt(LocalDate.of(2026, 5, 11));
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    j.complete(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN, "takenOver", true,
        "ordinaryReturnReference", ordinaryReturnReference);
    assertThat(cases.require(j.caseRef()).outcome()).isEqualTo(CaseOutcome.HANDED_OVER);
    return j;
  }

  /** Every process instance of the case (also called and event processes). */
  List<String> instanceIds(String caseRef) {
    List<String> ids = new ArrayList<>();
    for (HistoricProcessInstance root : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseRef).list()) {
      engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list()
          .forEach(i -> ids.add(i.getId()));
    }
    return ids;
  }

  /** Where each person field, case value and id is found: needle -> TABLE.COLUMN. */
  Map<String, List<String>> traces(Person person, String caseRef, List<String> instanceIds, String caseValue) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    found.put("name", scan.containing(person.name(), Set.of()));
    found.put("date of birth (ISO text)", scan.containing(person.birth().toString(), Set.of()));
    found.put("date of birth (dd.MM.yyyy)", scan.containing(
        person.birth().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Set.of()));
    found.put("date of birth (date)", scan.onDate(person.birth(), Set.of()));
    found.put("referrer reference", scan.containing(person.referrerReference(), Set.of()));
    found.put("nationality", scan.fieldWithValue("nationalit", nationality, STATISTICS));
    found.put("exploitation type", scan.containing(exploitation, STATISTICS));
    found.put("case reference", scan.containing(caseRef, Set.of()));
    found.put("case value", scan.containing(caseValue, Set.of()));
    for (String id : instanceIds) {
      found.put("process instance " + id, scan.containing(id, Set.of()));
    }
    return found;
  }

  void run() {
    assertThat(scan.tables()).as("the scan covers the service's and the engine's tables, history included")
        .contains("CASE_FILE", "CASE_PERSON", "CASE_DOCUMENT", "CASE_STATISTICS", "AUDIT_LOG", "NOTIFICATION", "ACT_HI_PROCINST",
            "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_TASKINST", "ACT_HI_COMMENT", "ACT_HI_OP_LOG",
            "ACT_HI_IDENTITYLINK", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_GE_BYTEARRAY", "ACT_RU_AUTHORIZATION");

    Journey a = dropOutAfterDeparture();
    Journey b = handOver();
    List<String> idsA = instanceIds(a.caseRef());
    List<String> idsB = instanceIds(b.caseRef());
    assertThat(idsA).as("main, phases, support month").hasSizeGreaterThan(3);

    // before: the scan finds each trace where a real case leaves it
    Map<String, List<String>> beforeA = traces(droppedOut, a.caseRef(), idsA, flightNumber);
    assertThat(beforeA.get("name")).contains("CASE_DOCUMENT.FILE_NAME", "CASE_DOCUMENT.CONTENT",
        "CASE_PERSON.FULL_NAME", "ACT_HI_COMMENT.MESSAGE_",
        "ACT_HI_COMMENT.FULL_MSG_", "ACT_HI_VARINST.TEXT_", "ACT_HI_DETAIL.TEXT_", "ACT_GE_BYTEARRAY.BYTES_");
    assertThat(beforeA.get("date of birth (ISO text)")).contains("ACT_HI_COMMENT.MESSAGE_", "ACT_HI_VARINST.TEXT_");
    assertThat(beforeA.get("date of birth (dd.MM.yyyy)")).contains("ACT_HI_COMMENT.FULL_MSG_");
    assertThat(beforeA.get("date of birth (date)")).containsExactly("CASE_PERSON.DATE_OF_BIRTH");
    assertThat(beforeA.get("referrer reference")).contains("CASE_FILE.REFERRER_REFERENCE", "ACT_HI_COMMENT.MESSAGE_");
    assertThat(beforeA.get("nationality")).contains("CASE_PERSON.NATIONALITY", "ACT_HI_COMMENT.MESSAGE_",
        "ACT_GE_BYTEARRAY.BYTES_");
    assertThat(beforeA.get("exploitation type")).contains("CASE_PERSON.EXPLOITATION_TYPE", "ACT_GE_BYTEARRAY.BYTES_");
    assertThat(beforeA.get("case reference")).contains("CASE_FILE.CASE_REF", "AUDIT_LOG.CASE_REF",
        "NOTIFICATION.CASE_REF", "ACT_HI_PROCINST.BUSINESS_KEY_", "ACT_HI_VARINST.TEXT_");
    assertThat(beforeA.get("case value")).as("the flight number").contains("ACT_HI_VARINST.TEXT_");
    assertThat(beforeA.get("process instance " + a.mainId())).contains("ACT_HI_PROCINST.ID_",
        "ACT_RU_AUTHORIZATION.RESOURCE_ID_");
    assertThat(idsA.stream().flatMap(id -> beforeA.get("process instance " + id).stream()))
        .as("the caseworker's completion in the user operation log").contains("ACT_HI_OP_LOG.PROC_INST_ID_");
    Map<String, List<String>> beforeB = traces(handedOver, b.caseRef(), idsB, ordinaryReturnReference);
    assertThat(beforeB.get("case value")).as("the ordinary-return reference").contains("ACT_HI_VARINST.TEXT_");
    assertThat(beforeB.get("name")).containsExactly("CASE_PERSON.FULL_NAME");
    assertThat(beforeB.get("date of birth (date)")).containsExactly("CASE_PERSON.DATE_OF_BIRTH");

    long statisticsBefore = jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single();
    ReportService.Summary summaryBefore = reports.summary();
    CaseFile closedA = cases.require(a.caseRef());
    LocalDate closedOn = closedA.closedAt().atZone(ZONE).toLocalDate();
    assertThat(closedOn).isEqualTo(LocalDate.of(2026, 6, 15));

    clockAt(closedOn.plusYears(3).minusDays(1));
    assertThat(retention.run()).isPositive();
    assertThat(cases.find(a.caseRef())).as("within the retention period the case stays").isPresent();
    assertThat(cases.person(a.caseRef())).isPresent();
    assertThat(cases.find(b.caseRef())).as("closed on 2026-05-11: its period has ended").isEmpty();

    clockAt(closedOn.plusYears(3).plusDays(1));
    assertThat(retention.run()).isPositive();
    assertThat(cases.find(a.caseRef())).isEmpty();

    // after: no column of any table holds anything of the two persons or their cases
    assertThat(DatabaseScan.nonEmpty(traces(droppedOut, a.caseRef(), idsA, flightNumber)))
        .as("traces of the first case after retention").isEmpty();
    assertThat(DatabaseScan.nonEmpty(traces(handedOver, b.caseRef(), idsB, ordinaryReturnReference)))
        .as("traces of the second case after retention").isEmpty();

    // the statistics survive, generalised
    assertThat(jdbc.sql("SELECT count(*) FROM case_statistics").query(Long.class).single())
        .as("statistics survive").isEqualTo(statisticsBefore);
    Map<String, Object> rowA = jdbc.sql("SELECT * FROM case_statistics WHERE nationality = ? AND exploitation_type = ?"
        + " AND outcome = 'DROPPED_OUT'").params(nationality, exploitation).query().singleRow();
    Map<String, Object> a0 = lowerKeys(rowA);
    assertThat(a0).containsEntry("referral_year", 2026).containsEntry("referral_quarter", 2)
        .containsEntry("closed_year", 2026).containsEntry("closed_quarter", 2).containsEntry("age_band", "25-34")
        .containsEntry("country_of_return", "TH").containsEntry("gender", "FEMALE")
        .containsEntry("offer_decision", "ACCEPTED").containsEntry("exit_reason", "CONTACT_LOST")
        .containsEntry("departed", true)
        // preparation done on the day of acceptance; waiting for the flight and travel until arrival on
        // 2026-05-21 (16 days); reintegration until 2026-06-15 (25 days)
        .containsEntry("weeks_preparation", 0).containsEntry("weeks_travel", 2).containsEntry("weeks_reintegration", 3);
    assertThat(a0.keySet()).as("no case reference, no dates, no exact durations")
        .noneMatch(column -> column.contains("case_ref") || column.contains("date") || column.startsWith("days_"));
    assertThat(lowerKeys(jdbc.sql("SELECT * FROM case_statistics WHERE nationality = ? AND exploitation_type = ?"
        + " AND outcome = 'HANDED_OVER'").params(nationality, exploitation).query().singleRow()))
        .containsEntry("country_of_return", "NG").containsEntry("offer_decision", "DECLINED")
        .containsEntry("departed", false).containsEntry("age_band", "35-44");

    // the managers' figures are the same (the medians count the deleted cases by their weeks)
    ReportService.Summary after = reports.summary();
    assertThat(after.casesPerPhase()).isEqualTo(summaryBefore.casesPerPhase());
    assertThat(after.offer()).isEqualTo(summaryBefore.offer());
    assertThat(after.dropOut()).isEqualTo(summaryBefore.dropOut());
    assertThat(after.month12()).isEqualTo(summaryBefore.month12());
    assertThat(after.outcomes()).isEqualTo(summaryBefore.outcomes());
    assertThat(after.byCountry()).isEqualTo(summaryBefore.byCountry());
    assertThat(after.medianDaysPerPhase()).containsKeys("PREPARATION", "REINTEGRATION", "HANDOVER");

    // the run is in the access log, without a case reference
    assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN' AND case_ref IS NULL")
        .query(Long.class).single()).isPositive();
    assertThat(retention.run()).as("nothing twice").isZero();
  }

  static Map<String, Object> lowerKeys(Map<String, Object> row) {
    Map<String, Object> lower = new LinkedHashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    return lower;
  }
}
