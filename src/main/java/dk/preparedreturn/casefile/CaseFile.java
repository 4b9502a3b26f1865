package dk.preparedreturn.casefile;

import dk.preparedreturn.identity.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A case, the aggregate of the case module: the record of a referral from intake to closure, without
 * the person's data (which has a table of its own). It is the truth for who the case is routed to
 * (referring organisation, residence status, country of return, partner), its deadlines and where it
 * stands; the processes hold copies the service writes from here.
 *
 * <p>Immutable: each intent below returns the case as it is after it, keeping the case's rules; only
 * {@link CaseService} applies intents and stores the result.
 */
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
    String createdBy,
    String extensionGround,
    LocalDate consentDate,
    boolean minor,
    Integer accompanyingChildren,
    String returnSafety,
    String notSafeFollowUp,
    String homeCountry,
    String returnRegion,
    String residenceEvidence,
    LocalDate residenceValidUntil,
    LocalDate countryChosenOn) {

  /**
   * A new case from a referral, in the referral phase. The referral's country is the person's home
   * country and, until the country of return is chosen with the person in the reflection period
   * ({@link #countryChosen}), the provisional country of return and its partner group.
   */
  static CaseFile referred(String caseRef, String referrerReference, String referringOrganisation, String residenceStatus,
      String countryOfReturn, LocalDate referralDate, LocalDate dateOfBirth, Instant at, String createdBy) {
    String country = countryOfReturn.toUpperCase(Locale.ROOT);
    return new CaseFile(caseRef, referrerReference, referringOrganisation, residenceStatus, country,
        Groups.partnerGroup(country), referralDate, null, null, null, null, null, null, null, null, null,
        CasePhase.REFERRAL, at, null, null, null, null, at, createdBy, null, null,
        minorOn(dateOfBirth, referralDate), null, null, null, country, null, null, null, null);
  }

  /** Under 18 on the day of the referral (the date of birth stays in the person data; only this flag is kept here). */
  static boolean minorOn(LocalDate dateOfBirth, LocalDate referralDate) {
    return dateOfBirth != null && referralDate != null && dateOfBirth.plusYears(ADULT_AGE).isAfter(referralDate);
  }

  /** The age of majority in Denmark. */
  static final int ADULT_AGE = 18;

  /** The values of {@link #returnSafety}: the outcome of the risk and safety assessment before the return. */
  public static final String SAFE = "SAFE";
  public static final String NOT_SAFE = "NOT_SAFE";

  public boolean returnNotSafe() {
    return NOT_SAFE.equals(returnSafety);
  }

  /** The kinds of evidence of a residence right in a country other than the home country (value set ResidenceEvidence). */
  public static final java.util.Set<String> RESIDENCE_EVIDENCE =
      java.util.Set.of("RESIDENCE_PERMIT", "EU_FAMILY_MEMBER_CARD", "OTHER_DOCUMENT");

  /**
   * The country of return chosen with the person on the given day (seed 001: the home country, or
   * another country where the person has a residence right), with a region of that country or none
   * (the whole country). Another country than the home country needs the kind of evidence of the
   * residence right and how long it is valid; the home country needs none. The case goes to the
   * country's partner group until the routing decides on a partner ({@link #routedTo}).
   */
  CaseFile countryChosen(String country, String region, String evidence, LocalDate validUntil, LocalDate on) {
    String code = country.toUpperCase(Locale.ROOT);
    if (code.equals(homeCountry)) {
      if (evidence != null || validUntil != null) {
        throw new IllegalArgumentException("the home country needs no evidence of a residence right");
      }
    } else if (evidence == null || !RESIDENCE_EVIDENCE.contains(evidence) || validUntil == null) {
      throw new IllegalArgumentException("a country other than the home country needs evidence of a residence right");
    }
    if (region != null && !region.startsWith(code + "_")) {
      throw new IllegalArgumentException("region " + region + " is not in " + code);
    }
    return with(b -> {
      b.countryOfReturn = code;
      b.partnerGroup = Groups.partnerGroup(code);
      b.returnRegion = region;
      b.residenceEvidence = evidence;
      b.residenceValidUntil = validUntil;
      b.countryChosenOn = on;
    });
  }

  /** The country of return was chosen with the person (before that, it is the referral's, provisional). */
  public boolean countryChosen() {
    return countryChosenOn != null;
  }

  /** Another country than the home country, where the person has a residence right. */
  public boolean returnsToResidenceCountry() {
    return countryChosen() && !countryOfReturn.equals(homeCountry);
  }

  public boolean closed() {
    return phase == CasePhase.CLOSED;
  }

  /** The case's main process instance. */
  CaseFile linkedTo(String mainProcessInstanceId) {
    return with(b -> b.processInstanceId = mainProcessInstanceId);
  }

  /** Identified on T0: the period runs to the departure deadline, which may be extended up to the latest one. */
  CaseFile identified(LocalDate t0, String periodType, LocalDate deadline, LocalDate latestDeadline) {
    if (deadline.isBefore(t0) || latestDeadline.isBefore(deadline)) {
      throw new IllegalArgumentException("deadline " + deadline + " must lie between T0 " + t0 + " and " + latestDeadline);
    }
    return with(b -> {
      b.identificationDate = t0;
      b.periodType = periodType;
      b.departureDeadline = deadline;
      b.maxDeadline = latestDeadline;
    });
  }

  /**
   * Identified on T0 while an asylum case is pending: no departure deadline runs yet (the person is
   * an asylum seeker, not under a departure deadline); only the latest one is known. The deadline is
   * set when the asylum case ends in a refusal ({@link #deadlineMoved}).
   */
  CaseFile identifiedDuringAsylumCase(LocalDate t0, String periodType, LocalDate latestDeadline) {
    if (latestDeadline.isBefore(t0)) {
      throw new IllegalArgumentException("latest deadline " + latestDeadline + " must not lie before T0 " + t0);
    }
    return with(b -> {
      b.identificationDate = t0;
      b.periodType = periodType;
      b.departureDeadline = null;
      b.maxDeadline = latestDeadline;
    });
  }

  /** A departure deadline runs (it does not while an asylum case that began before T0 is pending). */
  public boolean deadlineSet() {
    return departureDeadline != null;
  }

  /** A restitution period (lawful residents and EU citizens): CMM's, not a departure deadline under § 33(14). */
  public boolean restitutionPeriod() {
    return "RESTITUTION".equals(periodType);
  }

  CaseFile contactPersonAssigned(String userId) {
    return with(b -> b.contactPerson = userId);
  }

  CaseFile offerDecided(String decision) {
    if ("ACCEPTED".equals(decision)) {
      throw new IllegalArgumentException("an acceptance needs the person's consent: accepted(consentDate)");
    }
    return with(b -> b.offerDecision = decision);
  }

  /**
   * The offer accepted with the person's informed consent to it and to sharing data with DRC and the
   * partner abroad (a transfer to a third country): before it, no data and no task go to a partner.
   */
  CaseFile accepted(LocalDate consentDate) {
    return with(b -> {
      b.offerDecision = "ACCEPTED";
      b.consentDate = consentDate;
    });
  }

  /**
   * May a partner abroad take part in the case (get a task, see its data)? Only after the person
   * accepted the offer with consent; a case accepted before consent was recorded in the service
   * (no consent date) keeps the partner it had. The country of return must have been chosen with the
   * person, since it decides the partner.
   */
  public boolean partnerMayTakePart() {
    return "ACCEPTED".equals(offerDecision) && countryChosen();
  }

  CaseFile deadlineMoved(LocalDate deadline) {
    return with(b -> b.departureDeadline = deadline);
  }

  /** The period extended to the given deadline on a legal ground (cooperation on a prepared return, special reasons). */
  CaseFile extended(LocalDate deadline, String ground) {
    if (!EXTENSION_GROUNDS.contains(ground)) {
      throw new IllegalArgumentException("unknown ground of an extension: " + ground);
    }
    return with(b -> {
      b.departureDeadline = deadline;
      b.extensionGround = ground;
    });
  }

  /** The grounds on which a period may be extended (Aliens Act § 33(14); the same for CMM's restitution period). */
  public static final java.util.Set<String> EXTENSION_GROUNDS = java.util.Set.of("COOPERATION", "SPECIAL_REASONS");

  /** The latest possible deadline (moves by the days a suspension lasted). */
  CaseFile latestDeadlineMoved(LocalDate latestDeadline) {
    return with(b -> b.maxDeadline = latestDeadline);
  }

  /** Routed to a partner in the country of return (its group, or a regional group of that country). */
  CaseFile routedTo(String partner) {
    if (partner == null) {
      throw new IllegalArgumentException("no partner group");
    }
    if (!Groups.isPartnerOf(partner, countryOfReturn)) {
      throw new IllegalArgumentException(partner + " is not a partner in " + countryOfReturn);
    }
    return with(b -> b.partnerGroup = partner);
  }

  CaseFile flightBooked(LocalDate planned) {
    return with(b -> b.plannedDepartureDate = planned);
  }

  CaseFile departed(LocalDate day) {
    return with(b -> b.departureDate = day);
  }

  /** The risk and safety assessment before the return (DRC with CMM, decision table ReturnSafety): safe or not. */
  CaseFile returnAssessed(boolean safe) {
    return with(b -> {
      b.returnSafety = safe ? SAFE : NOT_SAFE;
      b.notSafeFollowUp = null;
    });
  }

  /** What follows a return assessed as not safe (asylum application, legal advice, another solution). */
  CaseFile notSafeFollowedUpBy(String followUp) {
    if (!returnNotSafe()) {
      throw new IllegalStateException("the return of " + caseRef + " was not assessed as not safe");
    }
    return with(b -> b.notSafeFollowUp = followUp);
  }

  /** The number of children travelling with the person (each with documents and a ticket); no names. */
  CaseFile travellingWithChildren(int children) {
    if (children < 0) {
      throw new IllegalArgumentException("children " + children);
    }
    return with(b -> b.accompanyingChildren = children);
  }

  CaseFile arrived(LocalDate day) {
    return with(b -> b.arrivalDate = day);
  }

  /** Why the case ends (or ended): a reason from the lists of the forms and events. */
  CaseFile exitFor(String reason) {
    return with(b -> b.exitReason = reason);
  }

  /** In a new phase since the given moment; the same when already in it. */
  CaseFile inPhase(CasePhase next, Instant at) {
    return phase == next ? this : with(b -> {
      b.phase = next;
      b.phaseSince = at;
    });
  }

  /**
   * Reopened within the support period after it closed because contact was lost: back in
   * reintegration, no outcome and no exit reason (the support resumes).
   */
  CaseFile reopened(Instant at) {
    if (!closed() || outcome != CaseOutcome.DROPPED_OUT || arrivalDate == null) {
      throw new IllegalStateException(caseRef + " is not a case that dropped out after its arrival");
    }
    return with(b -> {
      b.phase = CasePhase.REINTEGRATION;
      b.phaseSince = at;
      b.outcome = null;
      b.closedAt = null;
      b.exitReason = null;
    });
  }

  CaseFile closedAs(CaseOutcome how, Instant at) {
    return with(b -> {
      b.phase = CasePhase.CLOSED;
      b.phaseSince = phase == CasePhase.CLOSED ? phaseSince : at;
      b.outcome = how;
      b.closedAt = at;
    });
  }

  private CaseFile with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** The fields that change over a case's life. */
  private static final class Builder {
    private final CaseFile from;
    String partnerGroup;
    LocalDate identificationDate;
    String periodType;
    LocalDate departureDeadline;
    LocalDate maxDeadline;
    LocalDate plannedDepartureDate;
    LocalDate departureDate;
    LocalDate arrivalDate;
    String offerDecision;
    String contactPerson;
    CasePhase phase;
    Instant phaseSince;
    CaseOutcome outcome;
    String exitReason;
    Instant closedAt;
    String processInstanceId;
    String extensionGround;
    LocalDate consentDate;
    String countryOfReturn;
    String returnRegion;
    String residenceEvidence;
    LocalDate residenceValidUntil;
    LocalDate countryChosenOn;
    Integer accompanyingChildren;
    String returnSafety;
    String notSafeFollowUp;

    Builder(CaseFile c) {
      from = c;
      countryOfReturn = c.countryOfReturn;
      returnRegion = c.returnRegion;
      residenceEvidence = c.residenceEvidence;
      residenceValidUntil = c.residenceValidUntil;
      countryChosenOn = c.countryChosenOn;
      partnerGroup = c.partnerGroup;
      identificationDate = c.identificationDate;
      periodType = c.periodType;
      departureDeadline = c.departureDeadline;
      maxDeadline = c.maxDeadline;
      plannedDepartureDate = c.plannedDepartureDate;
      departureDate = c.departureDate;
      arrivalDate = c.arrivalDate;
      offerDecision = c.offerDecision;
      contactPerson = c.contactPerson;
      phase = c.phase;
      phaseSince = c.phaseSince;
      outcome = c.outcome;
      exitReason = c.exitReason;
      closedAt = c.closedAt;
      processInstanceId = c.processInstanceId;
      extensionGround = c.extensionGround;
      consentDate = c.consentDate;
      accompanyingChildren = c.accompanyingChildren;
      returnSafety = c.returnSafety;
      notSafeFollowUp = c.notSafeFollowUp;
    }

    CaseFile build() {
      return new CaseFile(from.caseRef, from.referrerReference, from.referringOrganisation, from.residenceStatus,
          countryOfReturn, partnerGroup, from.referralDate, identificationDate, periodType, departureDeadline,
          maxDeadline, plannedDepartureDate, departureDate, arrivalDate, offerDecision, contactPerson, phase, phaseSince,
          outcome, exitReason, closedAt, processInstanceId, from.createdAt, from.createdBy, extensionGround,
          consentDate, from.minor, accompanyingChildren, returnSafety, notSafeFollowUp, from.homeCountry, returnRegion,
          residenceEvidence, residenceValidUntil, countryChosenOn);
    }
  }
}
