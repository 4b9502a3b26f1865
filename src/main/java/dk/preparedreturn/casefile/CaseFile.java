package dk.preparedreturn.casefile;

import java.time.Instant;
import java.time.LocalDate;

/** The case record without personal data. */
public record CaseFile(
    String caseRef,
    String referrerReference,
    String referringOrganisation,
    String residenceStatus,
    String countryOfReturn,
    String partnerGroup,
    LocalDate referralDate,
    LocalDate identificationDate,
    String periodType,
    LocalDate departureDeadline,
    LocalDate maxDeadline,
    LocalDate plannedDepartureDate,
    LocalDate departureDate,
    LocalDate arrivalDate,
    String offerDecision,
    String contactPerson,
    CasePhase phase,
    Instant phaseSince,
    CaseOutcome outcome,
    String exitReason,
    Instant closedAt,
    String processInstanceId,
    Instant createdAt,
    String createdBy) {

  public boolean closed() {
    return phase == CasePhase.CLOSED;
  }
}
