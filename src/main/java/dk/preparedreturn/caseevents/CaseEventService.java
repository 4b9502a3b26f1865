package dk.preparedreturn.caseevents;

import static dk.preparedreturn.process.CaseVariables.EXIT_DATE;
import static dk.preparedreturn.process.CaseVariables.EXIT_REASON;
import static dk.preparedreturn.process.CaseVariables.SUSPENSION_DATE;
import static dk.preparedreturn.process.CaseVariables.SUSPENSION_REASON;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.reintegration.ResumeSupportProcess;
import dk.preparedreturn.reintegration.SupportResumption;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.preparation.PreparationProcess;
import dk.preparedreturn.process.EngineClock;
import dk.preparedreturn.reintegration.ReintegrationProcess;
import dk.preparedreturn.safeguarding.SafeguardingProcess;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Workflow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.stereotype.Service;

/**
 * Any-time events of a case. The reporter is always the signed-in caller: the service checks that
 * his organisation takes part in the case and may report the event (the police may also start
 * taking part by reporting an investigation), and that the case can receive it now; then it starts
 * the event's process ({@code RecordCaseEvent}, or {@code ReportPartnerEvent} for a partner), which
 * records who reported what and delivers it to the case. Only the service starts those processes.
 * A refused event changes nothing. Used by the case page ({@code /app/cases/{ref}}) and the REST
 * API ({@code POST /api/cases/{ref}/events}).
 */
@Service
public class CaseEventService {

  static final String RECORD_CASE_EVENT = "RecordCaseEvent";
  static final String REPORT_PARTNER_EVENT = "ReportPartnerEvent";

  private final CaseService cases;
  private final Workflow workflow;
  private final EngineClock clock;
  private final CaseParticipation participation;

  private final Texts texts;
  private final SupportResumption resumption;

  public CaseEventService(CaseService cases, Workflow workflow, EngineClock clock, CaseParticipation participation,
      Texts texts, SupportResumption resumption) {
    this.texts = texts;
    this.resumption = resumption;
    this.cases = cases;
    this.workflow = workflow;
    this.clock = clock;
    this.participation = participation;
  }

  /**
   * Reports the event as the caller.
   *
   * @param newDate the new planned departure date (FLIGHT_REBOOKED only)
   * @param flightNumber the new flight's number (FLIGHT_REBOOKED only, as "Book fly" takes it)
   * @throws CaseNotFound when the case does not exist or the caller's organisation does not take part (the same answer)
   * @throws InvalidFormInput when the event cannot be reported now (message in the caller's language)
   */
  public void report(String caseRef, CaseEvent event, LocalDate eventDate, LocalDate newDate, String flightNumber,
      Caller caller) {
    Audience audience = caller.audience();
    CaseFile file = cases.find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
    String reporterGroup = reporterGroup(file, event, caller).orElseThrow(() -> new CaseNotFound(caseRef));
    if (reporterGroup.isEmpty()) {
      throw invalid("event", audience, "notYours");
    }
    LocalDate today = clock.today();
    if (event == CaseEvent.PERSON_BACK_IN_TOUCH) {
      if (resumption.resumable(file, today).isEmpty()) {
        throw invalid("event", audience, "notResumable");
      }
      if (workflow.hasOpenTask(caseRef, ResumeSupportProcess.TASK_DECIDE_ON_RESUMPTION)) {
        throw invalid("event", audience, "resumptionAwaitsDecision");
      }
    } else if (file.closed()) {
      throw invalid("caseRef", audience, "caseClosed", caseRef);
    }
    if (eventDate == null || eventDate.isAfter(today)) {
      throw invalid("eventDate", audience, "eventDate");
    }
    if (event == CaseEvent.EXTENSION_REQUESTED && extensionAwaitsDecision(caseRef)) {
      throw invalid("event", audience, "extensionAwaitsDecision");
    }
    if (event == CaseEvent.CONTACT_LOST && workflow.hasOpenTask(caseRef, SafeguardingProcess.TASK_TRACE_PERSON)) {
      throw invalid("event", audience, "alreadyTracing");
    }
    if (event == CaseEvent.FLIGHT_REBOOKED) {
      checkRebooking(file, newDate, today, audience);
      if (flightNumber == null || !CaseEvent.FLIGHT_NUMBER.matcher(flightNumber).matches()) {
        throw invalid("flightNumber", audience, "flightNumber");
      }
    } else if (newDate != null || flightNumber != null) {
      // only a rebooking carries a new date and flight: anything else is not what the event defines
      throw invalid(newDate != null ? "newDate" : "flightNumber", audience, "onlyForRebooking");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(DeliverCaseEvent.CASE_REF.name(), caseRef);
    variables.put(DeliverCaseEvent.EVENT.name(), event.name());
    variables.put(DeliverCaseEvent.EVENT_DATE.name(), DeliverCaseEvent.EVENT_DATE.stored(eventDate));
    variables.put(DeliverCaseEvent.NEW_DATE.name(), DeliverCaseEvent.NEW_DATE.stored(newDate));
    variables.put(DeliverCaseEvent.FLIGHT_NUMBER.name(), flightNumber);
    variables.put(DeliverCaseEvent.REPORTED_BY.name(), caller.userId());
    variables.put(DeliverCaseEvent.REPORTER_GROUP.name(), reporterGroup);
    String process = audience.english() ? REPORT_PARTNER_EVENT : RECORD_CASE_EVENT;
    try {
      workflow.startForCase(process, caseRef, variables);
    } catch (MismatchingMessageCorrelationException e) {
      throw invalid("event", audience, "notInThisPhase");
    }
  }

  /**
   * The group under which the caller reports: empty when he takes part but may not report this
   * event; absent when his organisation does not take part in the case (the case is not his to see).
   */
  private Optional<String> reporterGroup(CaseFile file, CaseEvent event, Caller caller) {
    boolean takesPart = participation.takesPart(file.caseRef(), caller.groups());
    if (file.partnerGroup() != null && caller.in(file.partnerGroup())) {
      return !takesPart ? Optional.empty() : Optional.of(event.partnerMayReport() ? file.partnerGroup() : "");
    }
    Optional<String> allowed = caller.groups().stream().filter(event.groups()::contains)
        .filter(group -> participation.takesPart(file.caseRef(), java.util.List.of(group))
            || event == CaseEvent.INVESTIGATION_STARTED)
        .findFirst();
    if (allowed.isPresent()) {
      return allowed;
    }
    return takesPart ? Optional.of("") : Optional.empty();
  }

  /** "Aflevér hændelsen til sagen": what the event does to the case (the event process, after {@link #report}). */
  void deliver(String caseRef, CaseEvent event, LocalDate eventDate, LocalDate newDate, String flightNumber,
      String reporterGroup) {
    switch (event) {
      case EXTENSION_REQUESTED -> workflow.correlate(caseRef, DepartureDeadlineProcess.MESSAGE_EXTENSION_REQUESTED,
          Map.of());
      case CONTACT_LOST -> {
        if (cases.require(caseRef).arrivalDate() != null) {
          // after the arrival: the partner tries to trace the person while the support goes on;
          // the case closes only when that fails (Reintegration, TracePerson)
          workflow.correlate(caseRef, ReintegrationProcess.MESSAGE_CONTACT_LOST, Map.of());
        } else {
          leaves(caseRef, event, eventDate);
        }
      }
      case PERSON_WITHDREW -> leaves(caseRef, event, eventDate);
      case ASYLUM_APPLIED, INVESTIGATION_STARTED -> {
        workflow.correlate(caseRef, PreparedReturnProcess.MESSAGE_RETURN_SUSPENDED,
            Map.of(SUSPENSION_REASON.name(), event.name(), SUSPENSION_DATE.name(), SUSPENSION_DATE.stored(eventDate)));
        participation.join(caseRef, reporterGroup);
      }
      case FLIGHT_REBOOKED -> cases.rebookFlight(caseRef, newDate, flightNumber);
      case PERSON_BACK_IN_TOUCH -> resumption.start(caseRef, eventDate);
    }
  }

  /** The person withdrew or lost contact before the arrival: the case leaves the programme now. */
  private void leaves(String caseRef, CaseEvent event, LocalDate eventDate) {
    workflow.correlate(caseRef, PreparedReturnProcess.MESSAGE_PERSON_LEFT_PROGRAMME,
        Map.of(EXIT_REASON.name(), event.name(), EXIT_DATE.name(), EXIT_DATE.stored(eventDate)));
    cases.recordExit(caseRef, event.name());
  }

  private boolean extensionAwaitsDecision(String caseRef) {
    return workflow.hasOpenTask(caseRef, DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)
        || workflow.hasOpenTask(caseRef, DepartureDeadlineProcess.TASK_DECIDE_ON_RESTITUTION_EXTENSION);
  }

  private void checkRebooking(CaseFile file, LocalDate newDate, LocalDate today, Audience audience) {
    if (file.plannedDepartureDate() == null || file.departureDate() != null) {
      throw invalid("event", audience, "nothingToRebook");
    }
    if (newDate == null || newDate.isBefore(today) || newDate.isAfter(file.departureDeadline())) {
      throw invalid("newDate", audience, "newDateBeforeDeadline", texts.date(audience, file.departureDeadline()));
    }
    LocalDate documents = workflow.runningValue(file.caseRef(), PreparationProcess.DOCUMENTS_VALID_UNTIL);
    if (documents != null && !newDate.isBefore(documents)) {
      throw invalid("newDate", audience, "newDateBeforeDocumentsExpire", texts.date(audience, documents));
    }
  }

  /** The refusal {@code event.refused.<reason>} of the validation bundle, in the reporter's language. */
  private InvalidFormInput invalid(String field, Audience audience, String reason, Object... arguments) {
    return new InvalidFormInput(field, texts.get(audience, "event.refused." + reason, arguments));
  }
}
