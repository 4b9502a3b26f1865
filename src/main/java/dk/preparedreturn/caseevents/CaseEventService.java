package dk.preparedreturn.caseevents;

import static dk.preparedreturn.process.CaseVariables.EXIT_DATE;
import static dk.preparedreturn.process.CaseVariables.EXIT_REASON;
import static dk.preparedreturn.process.CaseVariables.SUSPENSION_DATE;
import static dk.preparedreturn.process.CaseVariables.SUSPENSION_REASON;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.journey.DeadlineCalendar;
import dk.preparedreturn.journey.DeadlineChanges;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.preparation.PreparationProcess;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Privileged;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
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

  private final CaseFileRepository cases;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DeadlineChanges deadlines;
  private final DeadlineCalendar calendar;
  private final CaseParticipation participation;

  public CaseEventService(CaseFileRepository cases, @Lazy RuntimeService runtime, @Lazy TaskService tasks,
      DeadlineChanges deadlines, DeadlineCalendar calendar, CaseParticipation participation) {
    this.cases = cases;
    this.runtime = runtime;
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.participation = participation;
  }

  /**
   * Reports the event as the caller.
   *
   * @param newDate the new planned departure date (FLIGHT_REBOOKED only)
   * @throws CaseNotFound when the case does not exist or the caller's organisation does not take part (the same answer)
   * @throws InvalidFormInput when the event cannot be reported now (message in the caller's language)
   */
  public void report(String caseRef, CaseEvent event, LocalDate eventDate, LocalDate newDate, Caller caller) {
    Audience audience = caller.audience();
    CaseFile file = cases.find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
    String reporterGroup = reporterGroup(file, event, caller).orElseThrow(() -> new CaseNotFound(caseRef));
    if (reporterGroup.isEmpty()) {
      throw invalid("event", audience, "Din organisation kan ikke registrere denne hændelse i sagen",
          "Your organisation cannot report this event for this case");
    }
    if (file.closed()) {
      throw invalid("caseRef", audience, "Sagen " + caseRef + " er afsluttet", "Case " + caseRef + " is closed");
    }
    LocalDate today = calendar.today();
    if (eventDate == null || eventDate.isAfter(today)) {
      throw invalid("eventDate", audience, "Hændelsesdatoen skal udfyldes og må ikke ligge i fremtiden",
          "The event date is required and must not be in the future");
    }
    if (event == CaseEvent.EXTENSION_REQUESTED && extensionAwaitsDecision(caseRef)) {
      throw invalid("event", audience, "Der er allerede en anmodning om forlængelse, som afventer afgørelse",
          "An extension request is already awaiting a decision");
    }
    if (event == CaseEvent.FLIGHT_REBOOKED) {
      checkRebooking(file, newDate, today, audience);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(DeliverCaseEvent.CASE_REF.name(), caseRef);
    variables.put(DeliverCaseEvent.EVENT.name(), event.name());
    variables.put(DeliverCaseEvent.EVENT_DATE.name(), eventDate.toString());
    variables.put(DeliverCaseEvent.NEW_DATE.name(), newDate == null ? null : newDate.toString());
    variables.put(DeliverCaseEvent.REPORTED_BY.name(), caller.userId());
    variables.put(DeliverCaseEvent.REPORTER_GROUP.name(), reporterGroup);
    String process = audience.english() ? REPORT_PARTNER_EVENT : RECORD_CASE_EVENT;
    try {
      Privileged.run(() -> runtime.createProcessInstanceByKey(process).businessKey(caseRef).setVariables(variables)
          .execute());
    } catch (MismatchingMessageCorrelationException e) {
      throw invalid("event", audience, "Sagen kan ikke modtage denne hændelse i sin nuværende fase",
          "The case cannot receive this event in its current phase");
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
  void deliver(String caseRef, CaseEvent event, LocalDate eventDate, LocalDate newDate, String reporterGroup) {
    switch (event) {
      case EXTENSION_REQUESTED -> correlate(caseRef, DepartureDeadlineProcess.MESSAGE_EXTENSION_REQUESTED, Map.of());
      case PERSON_WITHDREW, CONTACT_LOST -> {
        correlate(caseRef, PreparedReturnProcess.MESSAGE_PERSON_LEFT_PROGRAMME,
            Map.of(EXIT_REASON.name(), event.name(), EXIT_DATE.name(), eventDate.toString()));
        cases.setExitReason(caseRef, event.name());
      }
      case ASYLUM_APPLIED, INVESTIGATION_STARTED -> {
        correlate(caseRef, PreparedReturnProcess.MESSAGE_RETURN_SUSPENDED,
            Map.of(SUSPENSION_REASON.name(), event.name(), SUSPENSION_DATE.name(), eventDate.toString()));
        participation.join(caseRef, reporterGroup);
      }
      case FLIGHT_REBOOKED -> deadlines.movePlannedDeparture(caseRef, newDate);
    }
  }

  private boolean extensionAwaitsDecision(String caseRef) {
    return Privileged.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION).count()) > 0;
  }

  private void checkRebooking(CaseFile file, LocalDate newDate, LocalDate today, Audience audience) {
    if (file.plannedDepartureDate() == null || file.departureDate() != null) {
      throw invalid("event", audience, "Der er ingen booket udrejse i sagen at ombooke",
          "There is no booked departure to rebook");
    }
    if (newDate == null || newDate.isBefore(today) || newDate.isAfter(file.departureDeadline())) {
      throw invalid("newDate", audience, "Den nye udrejsedato skal ligge fra i dag til udrejsefristen "
          + file.departureDeadline(), "The new departure date must be between today and the deadline");
    }
    String documents = Privileged.call(() -> runtime.createVariableInstanceQuery()
        .variableName(PreparationProcess.DOCUMENTS_VALID_UNTIL.name())
        .processInstanceIdIn(runtime.createProcessInstanceQuery().processInstanceBusinessKey(file.caseRef()).list()
            .stream().map(instance -> instance.getId()).toArray(String[]::new))
        .list().stream().map(v -> String.valueOf(v.getValue())).findFirst().orElse(null));
    if (documents != null && !newDate.isBefore(DeadlineCalendar.date(documents))) {
      throw invalid("newDate", audience, "Den nye udrejsedato skal ligge før rejsedokumenternes udløb (" + documents
          + ")", "The new departure date must be before the travel documents expire (" + documents + ")");
    }
  }

  private void correlate(String caseRef, String message, Map<String, Object> variables) {
    Privileged.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseRef)
        .setVariables(variables).correlateWithResult());
  }

  private static InvalidFormInput invalid(String field, Audience audience, String danish, String english) {
    return new InvalidFormInput(field, audience.pick(danish, english));
  }
}
