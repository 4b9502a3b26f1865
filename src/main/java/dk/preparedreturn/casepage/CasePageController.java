package dk.preparedreturn.casepage;

import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.reintegration.SupportResumption;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.casefile.CaseAccess;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.Ledger;
import dk.preparedreturn.documents.Documents;
import dk.preparedreturn.forms.Amounts;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.deadlines.DeadlineCalendarService;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.EngineClock;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Workflow;
import dk.preparedreturn.transfer.PartnerTransfers;
import dk.preparedreturn.web.PageCsrf;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page, {@code /app/cases/{caseRef}}: the one place for a case, for every organisation that
 * takes part in it (Danish; English for the partners abroad), and for managers without the person.
 * The person's data for those who need it (each read in the access log), phase and status, the
 * contact person, every open task (who must act, who holds it, when it is due), every finished step
 * with who and when, the decisions the next actor needs, the events reported, the deadlines, and the
 * form to report an event as the signed-in user. Anybody else gets the same "not found" as for a
 * case that does not exist.
 */
@Controller
class CasePageController {

  /** The decisions of the forms shown on the page, and the organisations that see each. */
  static final Map<String, Set<String>> DECISIONS = new LinkedHashMap<>();

  static {
    Set<String> everyone = Set.of(Groups.UDLAENDINGESTYRELSEN, Groups.CMM, Groups.HJEMREJSESTYRELSEN, Groups.DRC,
        Groups.POLITI, "partner");
    DECISIONS.put("screeningResult", Set.of(Groups.CMM, Groups.UDLAENDINGESTYRELSEN, Groups.POLITI));
    DECISIONS.put("identificationOutcome", everyone);
    DECISIONS.put("offerDecision", everyone);
    DECISIONS.put("extensionDecision", Set.of(Groups.CMM, Groups.UDLAENDINGESTYRELSEN, Groups.HJEMREJSESTYRELSEN,
        Groups.DRC));
    DECISIONS.put("suspensionOutcome", Set.of(Groups.CMM, Groups.UDLAENDINGESTYRELSEN, Groups.POLITI,
        Groups.HJEMREJSESTYRELSEN));
    DECISIONS.put("escortDecision", Set.of(Groups.HJEMREJSESTYRELSEN, Groups.CMM, Groups.DRC, "partner"));
    DECISIONS.put("departureOutcome", everyone);
    DECISIONS.put("arrivalFollowUp", Set.of(Groups.DRC, Groups.CMM, "partner"));
  }

  /** The step whose form records each decision: the finished step shows it as its outcome. */
  static final Map<String, String> OUTCOME_OF_STEP = Map.of(
      "Task_ScreenReferral", "screeningResult",
      "Task_DecideVictimStatus", "identificationOutcome",
      "Task_RecordDecision", "offerDecision",
      "Task_DecideOnExtension", "extensionDecision",
      "Task_RecordEndOfSuspension", "suspensionOutcome",
      "Task_DecideOnEscort", "escortDecision",
      "Task_ConfirmDeparture", "departureOutcome",
      "Task_FollowUpMissingArrival", "arrivalFollowUp");

  /** The case page as Tasklist's "Sag" / "Case" tab shows it ({@code ?view=tab}). */
  static final String TAB = "tab";

  private final CaseAccess access;
  private final Workflow workflow;
  private final CaseEventService events;
  private final DeadlineCalendarService deadlines;
  private final EngineClock clock;
  private final Directory directory;
  private final CaseService cases;
  private final SupportResumption resumption;
  private final Documents documents;
  private final PartnerTransfers transfers;

  CasePageController(CaseAccess access, Workflow workflow, CaseEventService events, DeadlineCalendarService deadlines,
      EngineClock clock, Directory directory, CaseService cases, SupportResumption resumption, Documents documents,
      PartnerTransfers transfers) {
    this.resumption = resumption;
    this.documents = documents;
    this.transfers = transfers;
    this.directory = directory;
    this.cases = cases;
    this.access = access;
    this.workflow = workflow;
    this.events = events;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * The case page; {@code view=tab} is the same page without the service's header, as Tasklist's
   * "Sag" / "Case" tab shows it. Any other query parameter is refused with 400 (after the access
   * check: a case the caller may not see stays a 404).
   */
  @GetMapping("/app/cases/{caseRef}")
  @Transactional
  String page(@PathVariable String caseRef, @RequestParam Map<String, String> parameters, Caller caller,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    fill(model, caseRef, caller, request);
    String view = parameters.get("view");
    boolean known = parameters.keySet().stream().allMatch(Set.of("reported", "view", "uploaded", "transfer")::contains)
        && (view == null || TAB.equals(view)) && (parameters.get("reported") == null
        || isEvent(parameters.get("reported"))) && (parameters.get("uploaded") == null
        || parameters.get("uploaded").matches(Documents.REFERENCE_PATTERN))
        && (parameters.get("transfer") == null || "started".equals(parameters.get("transfer")));
    model.addAttribute("tab", TAB.equals(view));
    if (!known) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", Map.of("query", "page.query.unknown"));
      return "case";
    }
    String reported = parameters.get("reported");
    if (reported != null && isEvent(reported)) {
      model.addAttribute("reported", reported);
    }
    model.addAttribute("transferStarted", "started".equals(parameters.get("transfer")));
    String uploaded = parameters.get("uploaded");
    if (uploaded != null) {
      model.addAttribute("uploaded", uploaded);
    }
    return "case";
  }

  /**
   * DRC transfers the case to another partner of its country of return: the old partner hands it
   * over (a task in English), then the new one takes over (PartnerTransfer). Refusals at the field.
   */
  @PostMapping(path = "/app/cases/{caseRef}/transfer", consumes = "application/x-www-form-urlencoded")
  @Transactional
  String transfer(@PathVariable String caseRef, @RequestParam Map<String, String> form, Caller caller,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    access.require(caseRef, caller);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> allowed = Set.of(PageCsrf.PARAMETER, "newPartner", "view");
    boolean tab = TAB.equals(form.get("view"));
    form.keySet().stream().filter(name -> !allowed.contains(name)).findFirst()
        .ifPresent(name -> errors.put("form", name));
    String newPartner = form.get("newPartner");
    if (newPartner == null || newPartner.isBlank() || newPartner.length() > 64) {
      errors.put("newPartner", "page.field.required");
    }
    if (errors.isEmpty()) {
      try {
        transfers.start(caseRef, newPartner.trim(), caller);
        return "redirect:/app/cases/" + caseRef + "?transfer=started" + (tab ? "&view=" + TAB : "");
      } catch (InvalidFormInput refused) {
        errors.put(refused.field(), refused.getMessage());
      }
    }
    refused(caseRef, caller, request, response, model, errors, tab).addAttribute("form", form);
    return "case";
  }

  /**
   * A document uploaded from the case page (multipart, with the session's token like every form of the
   * pages): back to the page's documents with its reference, or the page again with the refusal at the
   * field, nothing stored.
   */
  @PostMapping(path = "/app/cases/{caseRef}/documents", consumes = "multipart/form-data")
  @Transactional
  String upload(@PathVariable String caseRef, @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
      @RequestParam(name = "view", required = false) String view,
      Caller caller, HttpServletRequest request, HttpServletResponse response, Model model) throws java.io.IOException {
    access.require(caseRef, caller);
    boolean tab = TAB.equals(view);
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      Documents.Listed created = documents.upload(caseRef, caller, kind,
          file == null ? null : file.getOriginalFilename(), file == null || file.isEmpty() ? null : file.getBytes());
      return "redirect:/app/cases/" + caseRef + "?uploaded=" + created.id() + (tab ? "&view=" + TAB : "")
          + "#documents";
    } catch (InvalidFormInput refused) {
      errors.put("document." + refused.field(), refused.getMessage());
    }
    refused(caseRef, caller, request, response, model, errors, tab).addAttribute("documentKind", kind);
    return "case";
  }

  /**
   * A form of the page refused: the page again with 400 and the refusals at their fields (in the
   * Tasklist tab's view when it was posted from there); nothing was changed.
   */
  private Model refused(String caseRef, Caller caller, HttpServletRequest request, HttpServletResponse response,
      Model model, Map<String, String> errors, boolean tab) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    fill(model, caseRef, caller, request);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", tab);
    return model;
  }

  /**
   * The case's deadline calendar with the basis of each date in words, linked from the task forms in
   * Tasklist and from the case page; links back to both.
   */
  @GetMapping("/app/cases/{caseRef}/deadlines")
  String deadlines(@PathVariable String caseRef, Caller caller, Model model) {
    access.require(caseRef, caller);
    model.addAttribute("caseRef", caseRef);
    model.addAttribute("english", caller.audience().english());
    model.addAttribute("deadlines", deadlines.calendar(caseRef));
    return "deadlines";
  }

  @PostMapping(path = "/app/cases/{caseRef}/events", consumes = "application/x-www-form-urlencoded")
  @Transactional
  String report(@PathVariable String caseRef, @RequestParam Map<String, String> form, Caller caller,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    CaseAccess.Visible visible = access.require(caseRef, caller);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> allowed = Set.of(PageCsrf.PARAMETER, "event", "eventDate", "newDate", "flightNumber", "view");
    boolean tab = TAB.equals(form.get("view"));
    form.keySet().stream().filter(name -> !allowed.contains(name)).findFirst()
        .ifPresent(name -> errors.put("form", name));
    CaseEvent event = isEvent(form.get("event")) ? CaseEvent.valueOf(form.get("event")) : null;
    if (event == null || !reportable(visible, caller, resumable(visible.file())).contains(event)) {
      errors.put("event", "page.event.choose");
    }
    LocalDate eventDate = date(form.get("eventDate"), "eventDate", errors);
    LocalDate newDate = event == CaseEvent.FLIGHT_REBOOKED ? date(form.get("newDate"), "newDate", errors) : null;
    String flightNumber = event == CaseEvent.FLIGHT_REBOOKED ? form.get("flightNumber") : null;
    if (errors.isEmpty()) {
      try {
        events.report(caseRef, event, eventDate, newDate, flightNumber, caller);
        return "redirect:/app/cases/" + caseRef + "?reported=" + event.name() + (tab ? "&view=" + TAB : "");
      } catch (InvalidFormInput refused) {
        errors.put(refused.field(), refused.getMessage());
      }
    }
    refused(caseRef, caller, request, response, model, errors, tab).addAttribute("form", form);
    return "case";
  }

  /** A case that does not exist and one the caller may not see look the same. */
  @org.springframework.web.bind.annotation.ExceptionHandler(dk.preparedreturn.casefile.CaseNotFound.class)
  String notFound(dk.preparedreturn.casefile.CaseNotFound e, Caller caller, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("caller", caller);
    model.addAttribute("english", caller != null && caller.audience().english());
    model.addAttribute("caseRef", e.caseRef());
    return "notfound";
  }

  private void fill(Model model, String caseRef, Caller caller, HttpServletRequest request) {
    CaseAccess.Visible visible = access.require(caseRef, caller);
    CaseFile file = visible.file();
    Map<String, String> routing = new HashMap<>();
    routing.put("partnerGroup", file.partnerGroup());
    Map<String, Object> decided = workflow.latestValues(caseRef, List.of("identifyingBody", "flightNumber"));
    model.addAttribute("flightNumber", decided.get("flightNumber"));
    routing.put("identifyingBody", decided.containsKey("identifyingBody") ? decided.get("identifyingBody").toString()
        : null);
    model.addAttribute("case", file);
    model.addAttribute("caller", caller);
    model.addAttribute("english", caller.audience().english());
    model.addAttribute("person", access.readPerson(visible, caller).orElse(null));
    List<Workflow.OpenTask> open = workflow.openTasks(caseRef, routing);
    model.addAttribute("openTasks", open);
    model.addAttribute("openable", open.stream().filter(t -> t.groups().stream().anyMatch(caller.groups()::contains))
        .map(Workflow.OpenTask::id).collect(java.util.stream.Collectors.toSet()));
    Map<String, Object> decisions = decisions(caseRef, caller, visible);
    Map<String, String> outcomes = new HashMap<>();
    OUTCOME_OF_STEP.forEach((step, variable) -> {
      if (seesDecision(variable, caller, visible)) {
        outcomes.put(step, variable);
      }
    });
    List<Workflow.FinishedTask> finished = workflow.finishedTasks(caseRef, routing, outcomes);
    model.addAttribute("finishedTasks", finished);
    model.addAttribute("decisions", decisions);
    List<Workflow.ReportedEvent> reported = workflow.events(caseRef);
    Set<String> users = new java.util.HashSet<>();
    if (file.contactPerson() != null) {
      users.add(file.contactPerson());
    }
    open.forEach(t -> users.add(t.assignee()));
    finished.forEach(t -> users.add(t.assignee()));
    reported.forEach(e -> users.add(e.reportedBy()));
    boolean seesDocuments = !visible.participatingGroups().isEmpty();
    model.addAttribute("seesDocuments", seesDocuments);
    if (seesDocuments) {
      List<Documents.Listed> listed = documents.list(caseRef, caller);
      listed.forEach(d -> users.add(d.uploadedBy()));
      model.addAttribute("documents", listed);
      model.addAttribute("uploadableKinds", documents.uploadable(caseRef, caller));
      model.addAttribute("documentMaxMb", documents.maxMegabytes());
    }
    Map<String, String> names = new HashMap<>();
    users.stream().filter(java.util.Objects::nonNull).forEach(id -> names.put(id,
        directory.user(id).map(Directory.Member::label).orElse(id)));
    model.addAttribute("names", names);
    model.addAttribute("events", reported);
    model.addAttribute("deadlines", deadlines.calendar(caseRef));
    model.addAttribute("seesLedger", seesLedger(visible));
    if (seesLedger(visible)) {
      model.addAttribute("ledger", cases.ledger(caseRef).map(l -> ledgerRows(l, caller.audience())).orElse(null));
    }
    model.addAttribute("reportable", reportable(visible, caller, resumable(file)));
    model.addAttribute("transferOptions", transfers.mayTransfer(file, caller) ? transfers.options(file) : List.of());
    model.addAttribute("today", clock.today());
    model.addAttribute("csrf", PageCsrf.token(request.getSession(true)));
  }

  /** The budget ledger is for DRC, CMM and the case's partner (amounts only, no person). */
  private static boolean seesLedger(CaseAccess.Visible visible) {
    return visible.participatingGroups().stream()
        .anyMatch(g -> Groups.DRC.equals(g) || Groups.CMM.equals(g) || Groups.isPartnerGroup(g));
  }

  /** The ledger's figures as the reader writes amounts (15.000,00 or 15,000.00), keyed by their message. */
  static Map<String, String> ledgerRows(Ledger ledger, Audience audience) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("budget", Amounts.format(ledger.budget(), audience));
    rows.put("cashPaid", Amounts.format(ledger.cashPaid(), audience));
    rows.put("claimed", Amounts.format(ledger.claimed(), audience));
    rows.put("approved", Amounts.format(ledger.approved(), audience));
    rows.put("rejected", Amounts.format(ledger.rejected(), audience));
    rows.put("remaining", Amounts.format(ledger.remaining(), audience));
    if (ledger.childBudget() != null) {
      rows.put("childBudget", Amounts.format(ledger.childBudget(), audience));
      rows.put("childRemaining", Amounts.format(ledger.childRemaining(), audience));
    }
    return rows;
  }

  /** The decisions of the case the caller's organisation sees. */
  private Map<String, Object> decisions(String caseRef, Caller caller, CaseAccess.Visible visible) {
    List<String> names = DECISIONS.keySet().stream().filter(name -> seesDecision(name, caller, visible)).toList();
    return workflow.latestValues(caseRef, names);
  }

  private static boolean seesDecision(String name, Caller caller, CaseAccess.Visible visible) {
    Set<String> groups = DECISIONS.getOrDefault(name, Set.of());
    return caller.admin() || caller.in(Groups.MANAGERS) || visible.participatingGroups().stream()
        .anyMatch(g -> groups.contains(Groups.isPartnerGroup(g) ? "partner" : g));
  }

  /** The events the caller may report in the case, as the case-event service will check them. */
  static List<CaseEvent> reportable(CaseAccess.Visible visible, Caller caller, boolean resumable) {
    List<CaseEvent> events = new ArrayList<>();
    if (visible.file().closed() && !resumable) {
      return events;
    }
    boolean partner = visible.file().partnerGroup() != null && caller.in(visible.file().partnerGroup())
        && visible.participatingGroups().contains(visible.file().partnerGroup());
    for (CaseEvent event : CaseEvent.values()) {
      boolean danish = visible.participatingGroups().stream().anyMatch(event.groups()::contains);
      // a closed case takes only the person's return after lost contact; an open one everything else
      boolean now = event == CaseEvent.PERSON_BACK_IN_TOUCH ? resumable : !visible.file().closed();
      if (now && (danish || partner && event.partnerMayReport())) {
        events.add(event);
      }
    }
    return events;
  }

  /** A case closed for lost contact within its support period: the person's return may reopen it. */
  private boolean resumable(CaseFile file) {
    return resumption.resumable(file, clock.today()).isPresent();
  }

  private static boolean isEvent(String name) {
    if (name == null) {
      return false;
    }
    for (CaseEvent event : CaseEvent.values()) {
      if (event.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate date(String text, String field, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      errors.put(field, "page.field.required");
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      errors.put(field, "page.field.date");
      return null;
    }
  }
}
