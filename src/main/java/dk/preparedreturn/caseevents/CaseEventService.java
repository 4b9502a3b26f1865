package dk.preparedreturn.caseevents;

import static dk.preparedreturn.journey.CaseVariables.EXIT_DATE;
import static dk.preparedreturn.journey.CaseVariables.EXIT_REASON;
import static dk.preparedreturn.journey.CaseVariables.SUSPENSION_DATE;
import static dk.preparedreturn.journey.CaseVariables.SUSPENSION_REASON;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseFileRepository;
import dk.preparedreturn.forms.InvalidFormInput;
import dk.preparedreturn.journey.DeadlineCalendar;
import dk.preparedreturn.journey.DeadlineChanges;
import dk.preparedreturn.journey.DepartureDeadlineProcess;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.journey.Privileged;
import dk.preparedreturn.preparation.PreparationProcess;
import dk.preparedreturn.security.CaseParticipation;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Delivers an any-time event to a case after checking that the reporter's organisation may report
 * it and takes part in the case (the police may also start taking part by reporting an
 * investigation), and that the case can receive it now. Used by the Tasklist start
 * forms (RecordCaseEvent, ReportPartnerEvent) and by the REST API.
 */
@Service
public class CaseEventService {

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
   * @param english messages for a partner abroad
   * @param newDate the new planned departure date (FLIGHT_REBOOKED only)
   */
  public void report(String caseRef, CaseEvent event, LocalDate eventDate, LocalDate newDate,
      Collection<String> reporterGroups, boolean english) {
    CaseFile file = cases.find(caseRef).orElseThrow(() -> invalid("caseRef", english,
        "Sagen " + caseRef + " findes ikke", "Case " + caseRef + " does not exist"));
    boolean partner = reporterGroups.contains(file.partnerGroup()) && event.partnerMayReport();
    boolean danishActor = reporterGroups.stream().anyMatch(event.groups()::contains);
    boolean mayReport = partner ? participation.takesPart(caseRef, List.of(file.partnerGroup()))
        : danishActor && (participation.takesPart(caseRef, reporterGroups) || event == CaseEvent.INVESTIGATION_STARTED);
    if (!mayReport) {
      throw invalid("event", english, "Din organisation kan ikke registrere denne hændelse i sagen",
          "Your organisation cannot report this event for this case");
    }
    if (file.closed()) {
      throw invalid("caseRef", english, "Sagen " + caseRef + " er afsluttet", "Case " + caseRef + " is closed");
    }
    LocalDate today = calendar.today();
    if (eventDate == null || eventDate.isAfter(today)) {
      throw invalid("eventDate", english, "Hændelsesdatoen skal udfyldes og må ikke ligge i fremtiden",
          "The event date is required and must not be in the future");
    }
    switch (event) {
      case EXTENSION_REQUESTED -> {
        if (extensionAwaitsDecision(caseRef)) {
          throw invalid("event", english, "Der er allerede en anmodning om forlængelse, som afventer afgørelse",
              "An extension request is already awaiting a decision");
        }
        correlate(caseRef, DepartureDeadlineProcess.MESSAGE_EXTENSION_REQUESTED, Map.of(), english);
      }
      case PERSON_WITHDREW, CONTACT_LOST -> {
        correlate(caseRef, PreparedReturnProcess.MESSAGE_PERSON_LEFT_PROGRAMME,
            Map.of(EXIT_REASON.name(), event.name(), EXIT_DATE.name(), eventDate.toString()), english);
        cases.setExitReason(caseRef, event.name());
      }
      case ASYLUM_APPLIED, INVESTIGATION_STARTED -> {
        correlate(caseRef, PreparedReturnProcess.MESSAGE_RETURN_SUSPENDED,
            Map.of(SUSPENSION_REASON.name(), event.name(), SUSPENSION_DATE.name(), eventDate.toString()), english);
        reporterGroups.stream().filter(event.groups()::contains).forEach(g -> participation.join(caseRef, g));
      }
      case FLIGHT_REBOOKED -> rebook(file, newDate, today, english);
    }
  }

  private boolean extensionAwaitsDecision(String caseRef) {
    return Privileged.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION).count()) > 0;
  }

  private void rebook(CaseFile file, LocalDate newDate, LocalDate today, boolean english) {
    if (file.plannedDepartureDate() == null || file.departureDate() != null) {
      throw invalid("event", english, "Der er ingen booket udrejse i sagen at ombooke",
          "There is no booked departure to rebook");
    }
    if (newDate == null || newDate.isBefore(today) || newDate.isAfter(file.departureDeadline())) {
      throw invalid("newDate", english, "Den nye udrejsedato skal ligge fra i dag til udrejsefristen "
          + file.departureDeadline(), "The new departure date must be between today and the deadline");
    }
    String documents = Privileged.call(() -> runtime.createVariableInstanceQuery()
        .variableName(PreparationProcess.DOCUMENTS_VALID_UNTIL.name())
        .processInstanceIdIn(runtime.createProcessInstanceQuery().processInstanceBusinessKey(file.caseRef()).list()
            .stream().map(instance -> instance.getId()).toArray(String[]::new))
        .list().stream().map(v -> String.valueOf(v.getValue())).findFirst().orElse(null));
    if (documents != null && !newDate.isBefore(DeadlineCalendar.date(documents))) {
      throw invalid("newDate", english, "Den nye udrejsedato skal ligge før rejsedokumenternes udløb (" + documents + ")",
          "The new departure date must be before the travel documents expire (" + documents + ")");
    }
    deadlines.movePlannedDeparture(file.caseRef(), newDate);
  }

  private void correlate(String caseRef, String message, Map<String, Object> variables, boolean english) {
    try {
      Privileged.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseRef)
          .setVariables(variables).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw invalid("event", english, "Sagen kan ikke modtage denne hændelse i sin nuværende fase",
          "The case cannot receive this event in its current phase");
    }
  }

  private static InvalidFormInput invalid(String field, boolean english, String danish, String englishText) {
    return new InvalidFormInput(field, english ? englishText : danish);
  }
}
