package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one case through its processes in a process test: creates it through the real intake
 * service, completes its tasks with form values, and moves the engine clock to fire due timers.
 */
public final class Journey {

  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final ProcessEngine engine;
  private final String caseRef;

  private Journey(ProcessEngine engine, String caseRef) {
    this.engine = engine;
    this.caseRef = caseRef;
  }

  /** Sets the engine clock to 09:00 on the given day in Copenhagen. */
  public static void clockAt(LocalDate day) {
    clockAt(day.atTime(9, 0));
  }

  public static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  public static Referral referral(String reference, Referral.ResidenceStatus status, String country, LocalDate date) {
    return new Referral(reference, "politi", status, country, date,
        new dk.preparedreturn.casefile.PersonData("Testperson Fiktiv", LocalDate.of(1995, 4, 12), "NG", "FEMALE", "SEXUAL",
            true, 1, "en"));
  }

  public static Journey start(ProcessEngine engine, ReferralService referrals, Referral referral) {
    return new Journey(engine, referrals.refer(referral, "test").caseRef());
  }

  public static Journey of(ProcessEngine engine, String caseRef) {
    return new Journey(engine, caseRef);
  }

  public String caseRef() {
    return caseRef;
  }

  public ProcessInstance main() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").singleResult();
  }

  public String mainId() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").singleResult().getId();
  }

  public List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef).orderByTaskName().asc().list();
  }

  public List<String> openTaskKeys() {
    return openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public Task task(String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as("open task " + taskDefinitionKey + " of " + caseRef + "; open: " + openTaskKeys())
        .hasSize(1);
    return tasks.get(0);
  }

  public boolean hasTask(String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(taskDefinitionKey).count() > 0;
  }

  /** Completes the open task with that key, with the given form values (pairs of name, value). */
  public Journey complete(String taskDefinitionKey, Object... nameValues) {
    Task task = task(taskDefinitionKey);
    engine.getFormService().submitTaskForm(task.getId(), vars(nameValues));
    return this;
  }

  public static Map<String, Object> vars(Object... nameValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      variables.put((String) nameValues[i], nameValues[i + 1]);
    }
    return variables;
  }

  public List<String> instanceIds() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()
        .stream().map(ProcessInstance::getId).toList();
  }

  /** Timer and async jobs of the case's running instances, soonest first. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (String id : instanceIds()) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).list());
    }
    jobs.sort((a, b) -> a.getDuedate() == null ? -1 : b.getDuedate() == null ? 1 : a.getDuedate().compareTo(b.getDuedate()));
    return jobs;
  }

  public Job timer(String activityId) {
    List<Job> timers = new ArrayList<>();
    for (String id : instanceIds()) {
      timers.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).activityId(activityId)
          .timers().list());
    }
    assertThat(timers).as("timer " + activityId).hasSize(1);
    return timers.get(0);
  }

  /** Executes the jobs that are due now, soonest first, until none is due (a job may cancel or create others). */
  public int executeDueJobs() {
    for (int executed = 0; executed < 500; executed++) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Job next = jobs().stream().filter(j -> j.getDuedate() == null || !j.getDuedate().toInstant().isAfter(now))
          .findFirst().orElse(null);
      if (next == null) {
        return executed;
      }
      engine.getManagementService().executeJob(next.getId());
    }
    throw new AssertionError("Jobs keep becoming due");
  }

  /** Moves the clock to the given day (09:00) and runs what became due. */
  public Journey on(LocalDate day) {
    clockAt(day);
    executeDueJobs();
    return this;
  }

  // ---- common steps (each completes the tasks as a caseworker would)

  /** Screening finds indicators and the identifying body identifies the victim on day t0. */
  public Journey identify(LocalDate t0) {
    complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    clockAt(t0);
    return complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate",
        t0.toString());
  }

  /** Contact person assigned and the person informed; the decision task is open. */
  public Journey informed() {
    complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    return complete("Task_InformAboutOffer", "informedOn", today().toString(), "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
  }

  public Journey acceptOffer() {
    return informed().complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");
  }

  /** CMM's contribution and DRC's risk and safety assessment find the return safe: the flight may be booked. */
  public Journey assessedSafe() {
    return complete("Task_ContributeToRiskAssessment", "familyInvolvementRisk", "LOW", "fitnessToTravel", "FIT")
        .complete("Task_AssessReturnSafety", "reTraffickingRisk", "MEDIUM", "retaliationRisk", "LOW",
            "cmmContributionConsidered", true);
  }

  private Journey assessedSafeUnlessDone() {
    return hasTask("Task_ContributeToRiskAssessment") ? assessedSafe() : this;
  }

  /** All preparation done with the flight on the given day (the return assessed as safe unless it was); "Bekræft udrejse" is open. */
  public Journey prepared(LocalDate flight) {
    return complete("Task_ObtainTravelDocuments", "travelDocuments", json("[\"PASSPORT\"]"), "documentsValidUntil",
        flight.plusYears(1).toString(), "accompanyingChildren", 0)
        .assessedSafeUnlessDone()
        .complete("Task_BookFlight", "plannedDepartureDate", flight.toString(), "flightNumber", "SK 1234")
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED")
        .complete("Task_MeetBeforeDeparture", "partnerMeetingDate", today().toString(), "partnerMeetingForm", "VIDEO",
            "planDiscussed", true)
        .complete("Task_PrepareReintegrationPlan", "planAreas", json("[\"BUSINESS\"]"), "childSupport", false,
            "planBudgetDkk", 30000, "monthlyCashDkk", 1500)
        .complete("Task_PreparePersonForDeparture", "preparation", json("[\"COUNSELLING\"]"));
  }

  public Journey departed(LocalDate day) {
    on(day);
    return complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate", day.toString());
  }

  /** The partner confirms the arrival on the given day; the first support month starts that day. */
  public Journey arrived(LocalDate day) {
    on(day);
    complete("Task_ConfirmArrival", "arrivalDate", day.toString(), "accommodation", "FAMILY");
    executeDueJobs();
    return this;
  }

  /**
   * Reports an any-time event as the test caseworker of the group, the way the case page and the REST
   * API do; a rebooking to flight SK 100.
   */
  public void report(dk.preparedreturn.caseevents.CaseEventService events, dk.preparedreturn.caseevents.CaseEvent event,
      LocalDate newDate, String group) {
    report(events, event, newDate, event == dk.preparedreturn.caseevents.CaseEvent.FLIGHT_REBOOKED ? "SK 100" : null,
        group);
  }

  /** Reports an any-time event with a new date and flight number (a rebooking) as the test caseworker of the group. */
  public void report(dk.preparedreturn.caseevents.CaseEventService events, dk.preparedreturn.caseevents.CaseEvent event,
      LocalDate newDate, String flightNumber, String group) {
    events.report(caseRef, event, today(), newDate, flightNumber,
        new dk.preparedreturn.identity.Caller(TestUsers.BY_GROUP.getOrDefault(group, group + "-test"), List.of(group)));
  }

  /**
   * Contact lost after the arrival and the partner's tracing fails (every attempt "not found", today):
   * every month stops and DRC's "Afslut sagen efter frafald" is open.
   */
  public Journey contactLostForGood(dk.preparedreturn.caseevents.CaseEventService events, String group) {
    report(events, dk.preparedreturn.caseevents.CaseEvent.CONTACT_LOST, null, group);
    for (int attempt = 0; attempt < 20 && hasTask("Task_TracePerson"); attempt++) {
      complete("Task_TracePerson", "attemptDate", today().toString(), "tracingMethods", json("[\"PHONE\"]"),
          "traceOutcome", "NOT_FOUND");
    }
    return this;
  }

  /** How often the activity was completed in any process instance of the case (main and called). */
  public long passed(String activityId) {
    var history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef).list().stream()
        .mapToLong(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(activityId).finished().count())
        .sum();
  }

  /** A JSON value as Tasklist submits lists (checklists, dynamic lists). */
  public static Object json(String value) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(value).create();
  }

  public Object variable(String name) {
    return engine.getRuntimeService().getVariable(main().getId(), name);
  }
}
