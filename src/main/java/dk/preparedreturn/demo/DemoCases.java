package dk.preparedreturn.demo;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.users.StartupGuard;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.referral.ReferralService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo cases of the embedded default, created once (when the database has none) so that a newcomer
 * finds work in every actor's Tasklist. Each case is driven through the real services (intake,
 * forms, case events) with the engine clock set back to the day each step happened, before the job
 * executor starts. All person data is fictional.
 *
 * <table>
 *   <tr><th>reference</th><th>stands at</th><th>open work</th></tr>
 *   <tr><td>DEMO-1</td><td>referral, screening overdue</td><td>CMM: screening</td></tr>
 *   <tr><td>DEMO-2</td><td>identification</td><td>Udlændingestyrelsen: decision on victim status</td></tr>
 *   <tr><td>DEMO-3</td><td>reflection period</td><td>CMM (cmm-karen): the person's decision</td></tr>
 *   <tr><td>DEMO-4</td><td>preparation, extension requested</td><td>Udlændingestyrelsen: extension; Hjemrejsestyrelsen:
 *     travel documents; CMM (cmm-mads): preparing the person; partner Nigeria: meeting</td></tr>
 *   <tr><td>DEMO-5</td><td>preparation, lawful residence, no partner agreement</td><td>DRC: find a local partner;
 *     Hjemrejsestyrelsen; CMM</td></tr>
 *   <tr><td>DEMO-6</td><td>reintegration month 4, with a copy of the passport and the month-3 progress report as
 *       documents</td><td>partner Nigeria: cash support of month 4</td></tr>
 *   <tr><td>DEMO-7</td><td>preparation, Thailand</td><td>partner Thailand: meeting; Hjemrejsestyrelsen: flight</td></tr>
 *   <tr><td>DEMO-8</td><td>preparation, Nigeria, Lagos (regional partner)</td><td>partner Lagos (ng-tunde): meeting;
 *     Hjemrejsestyrelsen: travel documents</td></tr>
 * </table>
 */
@Component
class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
  static final String REFERRER = "DEMO-";

  private final StartupGuard guard;
  private final ReferralService referrals;
  private final CaseService cases;
  private final CaseEventService events;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final ZoneId zone;
  private final dk.preparedreturn.documents.Documents documents;
  private final List<String> created = new ArrayList<>();

  DemoCases(StartupGuard guard, ReferralService referrals, CaseService cases, CaseEventService events,
      RuntimeService runtime, TaskService tasks, FormService forms, ManagementService management,
      @Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone, dk.preparedreturn.documents.Documents documents) {
    this.documents = documents;
    this.guard = guard;
    this.referrals = referrals;
    this.cases = cases;
    this.events = events;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.zone = zone;
  }

  /** Runs before the job executor is started (which also listens for ApplicationReadyEvent, unordered). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void createOnce() {
    if (!guard.demoEnabled() || cases.findByReferrer("politi", REFERRER + "1").isPresent()) {
      return;
    }
    LocalDate today = LocalDate.now(zone);
    try {
      screeningOverdue(today);
      identification(today);
      reflection(today);
      preparationWithExtensionRequest(today);
      preparationWithoutPartner(today);
      reintegrationMonthFour(today);
      preparationThailand(today);
      preparationLagos(today);
    } finally {
      ClockUtil.reset();
    }
    // continue what is already due (asynchronous steps, passed deadlines) so that every actor's work is in
    // Tasklist when the service reports ready, not some seconds later when the job executor gets to it
    for (String ref : created) {
      new Case(ref).jobs();
    }
    LOG.info("Demo cases created (DEMO-1 to DEMO-8)");
  }

  private void screeningOverdue(LocalDate today) {
    refer(1, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", today.minusDays(6), "Fiktiv Person Adaeze", "SEXUAL", false);
  }

  private void identification(LocalDate today) {
    Case c = refer(2, ResidenceStatus.ASYLUM_SEEKER, "NG", today.minusDays(2), "Fiktiv Person Blessing", "LABOUR", false);
    c.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
  }

  private void reflection(LocalDate today) {
    Case c = identified(3, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", today.minusDays(12), "Fiktiv Person Chioma");
    c.complete("Task_AssignContactPerson", "contactPerson", "cmm-karen");
    c.at(today.minusDays(8)).complete("Task_InformAboutOffer", "informedOn", today.minusDays(8).toString(),
        "interpreterUsed", true, "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
  }

  private void preparationWithExtensionRequest(LocalDate today) {
    Case c = identified(4, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", today.minusDays(24), "Fiktiv Person Dupe");
    c.accepted("cmm-mads", today.minusDays(20));
    c.at(today.minusDays(2));
    events.report(c.ref, CaseEvent.EXTENSION_REQUESTED, today.minusDays(2), null, null, new Caller("cmm-mads", List.of("cmm")));
  }

  private void preparationWithoutPartner(LocalDate today) {
    Case c = identified(5, ResidenceStatus.EU_CITIZEN, "RO", today.minusDays(15), "Fiktiv Person Elena");
    c.accepted("cmm-karen", today.minusDays(10));
  }

  private void reintegrationMonthFour(LocalDate today) {
    LocalDate arrival = today.minusMonths(3).minusDays(4);
    Case c = identified(6, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", arrival.minusDays(25), "Fiktiv Person Funmi");
    c.accepted("cmm-karen", arrival.minusDays(20));
    c.at(arrival.minusDays(12))
        .complete("Task_ObtainTravelDocuments", "travelDocuments", json("[\"PASSPORT\"]"), "documentsValidUntil",
            arrival.plusYears(1).toString(), "accompanyingChildren", 0)
        .complete("Task_ContributeToRiskAssessment", "familyInvolvementRisk", "LOW", "fitnessToTravel", "FIT")
        .complete("Task_AssessReturnSafety", "reTraffickingRisk", "LOW", "retaliationRisk", "LOW",
            "cmmContributionConsidered", true)
        .complete("Task_BookFlight", "plannedDepartureDate", arrival.minusDays(1).toString(), "flightNumber", "KL 1142")
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED")
        .complete("Task_MeetBeforeDeparture", "partnerMeetingDate", arrival.minusDays(12).toString(),
            "partnerMeetingForm", "VIDEO", "planDiscussed", true)
        .complete("Task_PrepareReintegrationPlan", "planAreas", json("[\"BUSINESS\",\"HOUSING\"]"),
            "planBudgetDkk", 20000, "monthlyCashDkk", 1500, "childSupport", true, "childrenInPlan", 1, "childBudgetDkk", 5000)
        .complete("Task_PreparePersonForDeparture", "preparation", json("[\"COUNSELLING\",\"HEALTH\"]"));
    documents.upload(c.ref, new dk.preparedreturn.identity.Caller("hjs-henrik", List.of("hjemrejsestyrelsen")),
        "TRAVEL_DOCUMENT", "pas-kopi.pdf", demoPdf("Copy of the passport (demo)"));
    c.at(arrival.minusDays(1)).complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate", arrival.minusDays(1).toString());
    c.at(arrival).complete("Task_ConfirmArrival", "arrivalDate", arrival.toString(), "receivedAtAirport", true,
        "accommodation", "FAMILY").jobs();
    for (int month = 1; month <= 4; month++) {
      LocalDate start = arrival.plusMonths(month - 1);
      c.at(start).jobs();
      if (month < 4) {
        c.at(start.plusDays(3)).complete("Task_PayCashSupport", "cashAmount", 1500, "childSupportAmount", 400,
            "paidOn", start.plusDays(3).toString());
      }
      if (month == 1) {
        c.at(start.plusDays(20)).complete("Task_RefineReintegrationPlan", "planAgreedOn", start.plusDays(20).toString(),
            "refinedPlanAreas", json("[\"BUSINESS\"]"), "economicSituation", "2", "socialSituation", "3",
            "psychosocialSituation", "2");
      }
      if (month == 3) {
        c.at(start.plusDays(25)).complete("Task_SubmitProgressReport", "economicSituation", "3",
            "socialSituation", "4", "psychosocialSituation", "3", "planProgress", "ON_TRACK");
        // the report itself as the partner uploads it on the case page
        documents.upload(c.ref, new dk.preparedreturn.identity.Caller("ng-ngozi", List.of("partner-ng")),
            "PROGRESS_REPORT", "progress-report-month-3.pdf", demoPdf("Progress report, month 3 (demo)"));
      }
    }
  }

  private void preparationThailand(LocalDate today) {
    Case c = identified(7, ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH", today.minusDays(9), "Fiktiv Person Kanya");
    c.accepted("cmm-mads", today.minusDays(5));
    c.at(today.minusDays(3)).complete("Task_ObtainTravelDocuments", "travelDocuments",
        json("[\"PASSPORT\",\"ENTRY_PERMIT\"]"), "documentsValidUntil", today.plusYears(1).toString(), "accompanyingChildren", 0);
    c.at(today.minusDays(3)).complete("Task_ContributeToRiskAssessment", "familyInvolvementRisk", "LOW",
        "fitnessToTravel", "FIT_WITH_SUPPORT");
    c.at(today.minusDays(2)).complete("Task_AssessReturnSafety", "reTraffickingRisk", "MEDIUM", "retaliationRisk",
        "LOW", "cmmContributionConsidered", true);
  }

  /** A Nigerian case whose person returns to Lagos: the regional partner there has it (PartnerRouting). */
  private void preparationLagos(LocalDate today) {
    Case c = identified(8, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", today.minusDays(8), "Fiktiv Person Ngozi");
    c.accepted("cmm-karen", today.minusDays(3), "NG_LAGOS");
  }

  // ---- driving a case

  private Case refer(int n, ResidenceStatus status, String country, LocalDate referralDate, String name,
      String exploitation, boolean children) {
    setClock(referralDate);
    Referral referral = new Referral(REFERRER + n, "politi", status, country, referralDate,
        new dk.preparedreturn.casefile.PersonData(name, referralDate.minusYears(24 + n), country, "FEMALE", exploitation, children,
            children ? 1 : 0, "en"));
    String ref = referrals.refer(referral, "demo").caseRef();
    created.add(ref);
    return new Case(ref);
  }

  /** Referred two days before T0, screened and identified on T0. */
  private Case identified(int n, ResidenceStatus status, String country, LocalDate t0, String name) {
    Case c = refer(n, status, country, t0.minusDays(2), name, "SEXUAL", true);
    c.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    return c.at(t0).complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate",
        t0.toString());
  }

  /** A one-page PDF with a line of text: the demo's documents (fictitious). */
  private static byte[] demoPdf(String text) {
    String content = "BT /F1 14 Tf 72 720 Td (" + text + ") Tj ET";
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + "4 0 obj<</Length " + content.length() + ">>stream\n" + content + "\nendstream endobj\n"
        + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(zone).toInstant()));
  }

  private static Object json(String value) {
    return SpinValues.jsonValue(value).create();
  }

  private final class Case {
    final String ref;

    Case(String ref) {
      this.ref = ref;
    }

    Case at(LocalDate day) {
      setClock(day);
      return this;
    }

    Case complete(String taskKey, Object... values) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("Demo case " + ref + " has no open task " + taskKey);
      }
      Map<String, Object> variables = new HashMap<>();
      for (int i = 0; i < values.length; i += 2) {
        variables.put((String) values[i], values[i + 1]);
      }
      forms.submitTaskForm(task.getId(), variables);
      return this;
    }

    /** Contact person assigned, informed and the offer accepted on the given day. */
    Case accepted(String contactPerson, LocalDate day) {
      return accepted(contactPerson, day, null);
    }

    /** The same, returning to the home country's region (ReturnRegion), or the whole country (null). */
    Case accepted(String contactPerson, LocalDate day, String region) {
      at(day.minusDays(3)).complete("Task_AssignContactPerson", "contactPerson", contactPerson);
      at(day.minusDays(1)).complete("Task_InformAboutOffer", "informedOn", day.minusDays(1).toString(),
          "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
      if (region != null) {
        return at(day).complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
            "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY", "region", region);
      }
      return at(day).complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");
    }

    /** Executes the case's jobs that are due at the current (demo) clock. */
    Case jobs() {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      for (int i = 0; i < 100; i++) {
        Job due = null;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).list()) {
          for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
            if (job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(now)) {
              due = job;
            }
          }
        }
        if (due == null) {
          return this;
        }
        try {
          management.executeJob(due.getId());
        } catch (RuntimeException e) {
          // left to the job executor's retries and, if it keeps failing, an incident in Cockpit
          LOG.warn("Demo case {}: job {} failed; the job executor retries it", ref, due.getId());
          return this;
        }
      }
      return this;
    }
  }
}
