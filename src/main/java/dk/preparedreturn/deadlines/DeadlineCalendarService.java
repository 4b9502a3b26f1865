package dk.preparedreturn.deadlines;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseHistory;
import dk.preparedreturn.process.DeadlineCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Every legal and contractual date of one case, with its source: the deadline calendar no other
 * system in this field gives caseworkers. Computed from the case record and the lead times that
 * apply to the case (the values of the decision table LeadTimes when the case started); the
 * support schedule from the decision tables SupportPeriod (how many months; the case's value once
 * it arrived) and SupportMonthPlan (what each month brings), evaluated without writing history.
 */
@Service
public class DeadlineCalendarService {

  // the steps whose completion the calendar shows (ids of Reintegration.bpmn and SupportMonth.bpmn)
  static final String TASK_REFINE_PLAN = "Task_RefineReintegrationPlan";
  static final String TASK_PAY_CASH_SUPPORT = "Task_PayCashSupport";
  static final String TASK_SUBMIT_CLAIMS = "Task_SubmitReimbursementClaims";
  static final String TASK_SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";
  static final String TASK_SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
  static final String SUPPORT_MONTH = "supportMonth";
  // the steps before the flight whose due dates follow it (ids of ReturnPreparation.bpmn), with their lead time
  // (the API's labels in Danish and English; the pages take theirs from the bundles, deadline.BEFORE_FLIGHT.*)
  record BeforeFlight(String leadTime, String label, String labelEn) {
  }

  static final Map<String, BeforeFlight> BEFORE_FLIGHT = Map.of(
      "Task_DecideOnEscort", new BeforeFlight("escortDays", "Beslutning om eskorte", "Decision on an escort"),
      "Task_MeetBeforeDeparture", new BeforeFlight("partnerMeetingDays", "Partnerens møde med personen før udrejsen",
          "The partner meets the person before departure"),
      "Task_ArrangeAirportAssistance", new BeforeFlight("airportAssistanceDays", "Lufthavnsassistance arrangeret",
          "Airport assistance arranged"),
      "Task_PreparePersonForDeparture", new BeforeFlight("personPreparedDays", "Personen forberedt på hjemrejsen",
          "The person prepared for the return"));

  /**
   * PASSED: the date lies behind and the step was not done; UPCOMING: still to come; DONE: the step
   * was done (the month's task completed, the plan refined, the person departed); LAPSED: the case
   * closed before the step was done, so it can no longer happen.
   */
  public enum Status { PASSED, UPCOMING, DONE, LAPSED }

  /**
   * One date. {@code key} names its texts in the message bundles ({@code deadline.<key>} what it is,
   * {@code basis.<key>} its basis in words) with {@code args} ({0} a month or a number of months,
   * {1} a number of days); label, labelEn and source are the API's fields.
   */
  public record Entry(LocalDate date, String kind, String label, String labelEn, String source, Status status,
      String key, List<Object> args) {
  }

  private final CaseService cases;
  private final CaseHistory engine;
  private final DeadlineCalendar calendar;

  public DeadlineCalendarService(CaseService cases, CaseHistory engine, DeadlineCalendar calendar) {
    this.cases = cases;
    this.engine = engine;
    this.calendar = calendar;
  }

  /**
   * The calendar of the case. The caller's right to see the case is checked by the caller (the
   * case API checks participation); the engine reads here run without the caller's authorizations.
   */
  public List<Entry> calendar(String caseRef) {
    // one engine command: the engine's queries see the whole case (no caller authorizations, no
    // result limit for callers) and the decision table can be parsed (it needs the engine's context)
    return engine.read(() -> compute(caseRef));
  }

  private List<Entry> compute(String caseRef) {
    CaseFile c = cases.require(caseRef);
    Map<String, Object> v = engine.caseValues(c.caseRef(), c.processInstanceId());
    Set<String> done = c.arrivalDate() == null ? Set.of() : doneSteps(c);
    LocalDate today = calendar.today();
    List<Entry> entries = new ArrayList<>();
    boolean identified = c.identificationDate() != null;
    boolean departed = c.departureDate() != null;
    if (!identified && number(v, "identificationDays") != null) {
      add(entries, today, c.referralDate().plusDays(number(v, "identificationDays")), "IDENTIFICATION_DECISION",
          "Afgørelse om offerstatus", "Decision on victim status", "LeadTimes.identificationDays", c.closed(),
          "IDENTIFICATION_DECISION", null, number(v, "identificationDays"));
    }
    if (c.departureDeadline() != null) {
      boolean reflection = "REFLECTION".equals(c.periodType());
      add(entries, today, c.departureDeadline(), "DEPARTURE_DEADLINE",
          reflection ? "Udrejsefrist (refleksionsperiodens udløb)" : "Restitutionsperiodens udløb",
          reflection ? "Departure deadline (end of the reflection period)" : "End of the restitution period",
          reflection ? "Udlændingeloven § 33, stk. 14 (CasePeriods)" : "Restitutionsperiode (CasePeriods)", departed,
          reflection ? "DEPARTURE_DEADLINE.REFLECTION" : "DEPARTURE_DEADLINE.RESTITUTION", null, null);
      add(entries, today, c.departureDeadline(), "EXTENSION_REQUEST_LIMIT",
          "Sidste frist for anmodning om forlængelse", "Last day to request an extension",
          "Udlændingeloven § 33, stk. 14: anmodning før fristens udløb", departed);
      if (number(v, "extensionReminderDays") != null) {
        add(entries, today, c.departureDeadline().minusDays(number(v, "extensionReminderDays")),
            "EXTENSION_REMINDER", "Påmindelse om forlængelse til kontaktpersonen",
            "Extension reminder to the contact person", "LeadTimes.extensionReminderDays", departed,
            "EXTENSION_REMINDER", null, number(v, "extensionReminderDays"));
      }
      if (number(v, "preparationWarningDays") != null) {
        add(entries, today, c.departureDeadline().minusDays(number(v, "preparationWarningDays")),
            "PREPARATION_WARNING", "Advarsel hvis forberedelsen ikke er færdig", "Warning if preparation is unfinished",
            "LeadTimes.preparationWarningDays", departed, "PREPARATION_WARNING", null,
            number(v, "preparationWarningDays"));
      }
    }
    if (c.maxDeadline() != null) {
      add(entries, today, c.maxDeadline(), "MAX_DEADLINE", "Seneste mulige udrejsefrist (i alt)",
          "Latest possible departure deadline",
          "Udlændingeloven § 33, stk. 14: højst 120 dage i alt fra T0, dage med suspension ikke medregnet (CasePeriods)",
          departed);
    }
    if (c.plannedDepartureDate() != null) {
      add(entries, today, c.plannedDepartureDate(), "PLANNED_DEPARTURE", "Planlagt udrejse (booket fly)",
          "Planned departure (booked flight)", "Hjemrejsestyrelsen: Book fly", departed);
      beforeFlight(entries, c, v, today);
    }
    if (departed && number(v, "receptionConfirmationDays") != null) {
      add(entries, today, c.departureDate().plusDays(number(v, "receptionConfirmationDays")), "RECEPTION_CONFIRMATION",
          "Partneren bekræfter ankomsten", "Partner confirms the arrival", "LeadTimes.receptionConfirmationDays",
          c.arrivalDate() != null, "RECEPTION_CONFIRMATION", null, number(v, "receptionConfirmationDays"));
    }
    if (c.arrivalDate() != null) {
      reintegration(entries, c, v, today, done);
    }
    if (c.closed()) {
      entries.replaceAll(e -> e.status() == Status.UPCOMING
          ? new Entry(e.date(), e.kind(), e.label(), e.labelEn(), e.source(), Status.LAPSED, e.key(), e.args()) : e);
    }
    entries.sort(Comparator.comparing(Entry::date).thenComparing(Entry::kind));
    return entries;
  }

  /**
   * The steps due a number of days before the booked flight (LeadTimes), on the departure deadline
   * when that comes first, as their tasks' due dates are; done when the task was completed.
   */
  private void beforeFlight(List<Entry> entries, CaseFile c, Map<String, Object> v, LocalDate today) {
    Set<String> completed = new HashSet<>();
    engine.completedTasks(c.caseRef(), BEFORE_FLIGHT.keySet(), null).forEach(t -> completed.add(t.taskKey()));
    BEFORE_FLIGHT.forEach((task, step) -> {
      Integer days = number(v, step.leadTime());
      if (days == null) {
        return;
      }
      LocalDate due = c.plannedDepartureDate().minusDays(days);
      if (c.departureDeadline() != null && c.departureDeadline().isBefore(due)) {
        due = c.departureDeadline();
      }
      String kind = "BEFORE_FLIGHT." + task.substring("Task_".length());
      add(entries, today, due, kind, step.label(), step.labelEn(), "LeadTimes." + step.leadTime(),
          completed.contains(task) || c.departureDate() != null, kind, null, days);
    });
  }

  private void reintegration(List<Entry> entries, CaseFile c, Map<String, Object> v, LocalDate today,
      Set<String> done) {
    LocalDate r0 = c.arrivalDate();
    if (number(v, "planRefinementDays") != null) {
      add(entries, today, r0.plusDays(number(v, "planRefinementDays")), "PLAN_REFINED",
          "Reintegrationsplanen tilpasset", "Reintegration plan refined",
          "IOM Reintegration Handbook 2.3 (LeadTimes.planRefinementDays)", done.contains(step(TASK_REFINE_PLAN, 0)),
          "PLAN_REFINED", null, number(v, "planRefinementDays"));
    }
    Integer months = number(v, "supportMonths");
    List<List<Object>> schedule = supportSchedule(months, c.partnerGroup());
    int reportDays = number(v, "reportDays") == null ? 0 : number(v, "reportDays");
    for (int month = 1; month <= schedule.size(); month++) {
      List<Object> plan = schedule.get(month - 1);
      boolean cash = plan.contains("CASH_SUPPORT");
      LocalDate start = r0.plusMonths(month - 1);
      add(entries, today, start, cash ? "CASH_SUPPORT" : "REIMBURSEMENT",
          (cash ? "Kontantstøtte, måned " : "Refusion mod dokumentation, måned ") + month,
          (cash ? "Cash support, month " : "Reimbursement against documentation, month ") + month,
          "SupportMonthPlan (kontant i de første måneder, derefter refusion)",
          done.contains(step(cash ? TASK_PAY_CASH_SUPPORT : TASK_SUBMIT_CLAIMS, month)),
          cash ? "CASH_SUPPORT" : "REIMBURSEMENT", month, null);
      if (plan.contains("PROGRESS_REPORT")) {
        add(entries, today, r0.plusMonths(month).plusDays(reportDays), "PROGRESS_REPORT",
            "Statusrapport efter måned " + month, "Progress report after month " + month,
            "SupportMonthPlan, LeadTimes.reportDays", done.contains(step(TASK_SUBMIT_PROGRESS_REPORT, month)),
            "PROGRESS_REPORT", month, reportDays);
      }
    }
    int last = schedule.size();
    if (last > 0) {
      add(entries, today, r0.plusMonths(last), "PROGRAMME_END", "Reintegrationsforløbet slutter",
          "End of the reintegration programme", "SupportPeriod: " + last + " måneder efter ankomst", c.closed(),
          "PROGRAMME_END", last, null);
      add(entries, today, r0.plusMonths(last).plusDays(reportDays), "FINAL_REPORT", "Slutrapport og evaluering",
          "Final report and evaluation", "SupportPeriod, LeadTimes.reportDays",
          done.contains(step(TASK_SUBMIT_FINAL_REPORT, 0)), "FINAL_REPORT", last, reportDays);
    }
  }

  /**
   * The decision table SupportMonthPlan (one row per kind of support or report, by month) for each month of the support period: the case's
   * {@code supportMonths} once it arrived, else what the decision table SupportPeriod says now.
   * Evaluated by the engine's DMN engine inside an engine command (parsing needs the engine's context).
   */
  private List<List<Object>> supportSchedule(Integer supportMonths, String partnerGroup) {
    List<List<Object>> months = new ArrayList<>();
    Integer count = supportMonths;
    if (count == null) {
      List<Map<String, Object>> period = engine.decide("SupportPeriod", Map.of("partnerGroup", partnerGroup));
      count = period == null || period.isEmpty() ? null : ((Number) period.get(0).get("supportMonths")).intValue();
    }
    if (count == null) {
      return months;
    }
    for (int month = 1; month <= count; month++) {
      List<Map<String, Object>> rules = engine.decide("SupportMonthPlan", Map.of("supportMonth", month));
      if (rules == null) {
        return new ArrayList<>();
      }
      months.add(rules.stream().map(rule -> rule.get("support")).toList());
    }
    return months;
  }


  /**
   * The steps of the reintegration the case has done: the user tasks completed (not cancelled) in
   * its process instances, each with its support month (0 outside a month), as
   * {@link #step(String, int)}. A month's cash is done when "Pay cash support" was completed, a
   * reimbursement month when its claims were submitted (or none), a report when it was submitted.
   */
  private Set<String> doneSteps(CaseFile c) {
    Set<String> steps = new HashSet<>();
    engine.completedTasks(c.caseRef(), List.of(TASK_REFINE_PLAN, TASK_PAY_CASH_SUPPORT, TASK_SUBMIT_CLAIMS,
            TASK_SUBMIT_PROGRESS_REPORT, TASK_SUBMIT_FINAL_REPORT), SUPPORT_MONTH)
        .forEach(t -> steps.add(step(t.taskKey(), t.value() instanceof Number month ? month.intValue() : 0)));
    return steps;
  }


  private static String step(String task, int month) {
    return task + "#" + month;
  }

  private static Integer number(Map<String, Object> variables, String name) {
    return variables.get(name) instanceof Number n ? n.intValue() : null;
  }

  private static void add(List<Entry> entries, LocalDate today, LocalDate date, String kind, String label,
      String labelEn, String source, boolean done) {
    add(entries, today, date, kind, label, labelEn, source, done, kind, null, null);
  }

  private static void add(List<Entry> entries, LocalDate today, LocalDate date, String kind, String label,
      String labelEn, String source, boolean done, String key, Integer months, Integer days) {
    Status status = done ? Status.DONE : date.isBefore(today) ? Status.PASSED : Status.UPCOMING;
    List<Object> args = new ArrayList<>();
    args.add(months == null ? "" : months);
    args.add(days == null ? "" : days);
    entries.add(new Entry(date, kind, label, labelEn, source, status, key, List.copyOf(args)));
  }
}
