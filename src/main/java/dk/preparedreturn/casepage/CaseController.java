package dk.preparedreturn.casepage;

import dk.preparedreturn.casefile.CaseAccess;
import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.transfer.PartnerTransfers;
import dk.preparedreturn.deadlines.DeadlineCalendarService;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case as the caller's organisation may see it ({@code GET /api/cases/{ref}}), its deadline
 * calendar ({@code .../deadlines}) and any-time events ({@code POST .../events}). Organisations see
 * a case they take part in; managers see case data without person data. Each read of person data
 * is written to the audit log with the fields that were shown.
 */
@RestController
class CaseController {

  private final CaseAccess access;
  private final CaseParticipation participation;
  private final DeadlineCalendarService deadlines;
  private final CaseEventService events;
  private final AuditLog audit;
  private final PartnerTransfers transfers;

  CaseController(CaseAccess access, CaseParticipation participation, DeadlineCalendarService deadlines,
      CaseEventService events, AuditLog audit, PartnerTransfers transfers) {
    this.transfers = transfers;
    this.access = access;
    this.participation = participation;
    this.deadlines = deadlines;
    this.events = events;
    this.audit = audit;
  }

  @GetMapping(path = "/api/cases/{caseRef}", produces = "application/json")
  @Transactional
  Map<String, Object> read(@PathVariable String caseRef, Caller caller) {
    CaseAccess.Visible visible = access.require(caseRef, caller);
    CaseFile c = visible.file();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseRef", c.caseRef());
    body.put("phase", c.phase());
    body.put("phaseSince", c.phaseSince());
    body.put("referralDate", c.referralDate());
    body.put("referringOrganisation", c.referringOrganisation());
    body.put("residenceStatus", c.residenceStatus());
    body.put("countryOfReturn", c.countryOfReturn());
    body.put("homeCountry", c.homeCountry());
    body.put("returnRegion", c.returnRegion());
    body.put("countryChosenOn", c.countryChosenOn());
    body.put("partnerGroup", c.partnerGroup());
    body.put("identificationDate", c.identificationDate());
    body.put("periodType", c.periodType());
    body.put("departureDeadline", c.departureDeadline());
    body.put("maxDeadline", c.maxDeadline());
    body.put("plannedDepartureDate", c.plannedDepartureDate());
    body.put("departureDate", c.departureDate());
    body.put("arrivalDate", c.arrivalDate());
    body.put("offerDecision", c.offerDecision());
    body.put("contactPerson", c.contactPerson());
    body.put("outcome", c.outcome());
    body.put("exitReason", c.exitReason());
    body.put("closedAt", c.closedAt());
    body.put("participants", participation.groups(caseRef));
    access.readPerson(visible, caller).ifPresent(person -> body.put("person", person));
    body.values().removeIf(value -> value == null);
    return body;
  }

  @GetMapping(path = "/api/cases/{caseRef}/deadlines", produces = "application/json")
  Map<String, Object> deadlines(@PathVariable String caseRef, Caller caller) {
    access.require(caseRef, caller);
    return Map.of("caseRef", caseRef, "deadlines", deadlines.calendar(caseRef));
  }

  record EventRequest(@NotNull CaseEvent event, @NotNull LocalDate eventDate, LocalDate newDate, String flightNumber) {
  }

  @PostMapping(path = "/api/cases/{caseRef}/events", consumes = "application/json")
  @Transactional
  ResponseEntity<Void> event(@PathVariable String caseRef, @Valid @RequestBody EventRequest request, Caller caller) {
    events.report(caseRef, request.event(), request.eventDate(), request.newDate(), request.flightNumber(), caller);
    return ResponseEntity.noContent().build();
  }

  record TransferRequest(@NotNull @jakarta.validation.constraints.Size(max = 64) String newPartner) {
  }

  /**
   * DRC transfers the case to another partner of its country of return, as from the case page: the
   * old partner hands it over, then the new one takes over ({@code PartnerTransfer.bpmn}); 202 once
   * started, 400 naming {@code newPartner} when the partner or the moment is not allowed.
   */
  @PostMapping(path = "/api/cases/{caseRef}/transfer", consumes = "application/json")
  @Transactional
  ResponseEntity<Void> transfer(@PathVariable String caseRef, @Valid @RequestBody TransferRequest request,
      Caller caller) {
    transfers.start(caseRef, request.newPartner().trim(), caller);
    return ResponseEntity.accepted().build();
  }
}
