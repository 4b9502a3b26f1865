package dk.preparedreturn.process;

import java.time.LocalDate;

/**
 * The variables of a case that more than one of its processes reads. They hold the case reference,
 * routing values and the dates that drive timers: never a name, nationality, exploitation type or
 * free text. Dates are {@code LocalDate} here and ISO strings (yyyy-MM-dd) in the engine, the format of
 * Camunda Forms date fields. A called
 * process gets only the ones it reads, each named in a {@code camunda:in} of its call activity, and
 * hands back only the ones the caller or a later phase reads ({@code camunda:out}); a
 * {@code variables="all"} mapping fails {@code ModelChecksTest}.
 */
public final class CaseVariables {

  public static final Variable<String> CASE_REF = Variable.string("caseRef");
  public static final Variable<String> RESIDENCE_STATUS = Variable.string("residenceStatus");
  public static final Variable<String> PARTNER_GROUP = Variable.string("partnerGroup");
  /** The country of return chosen with the person (ISO 3166-1 alpha-2), a routing value (PartnerRouting). */
  public static final Variable<String> COUNTRY_OF_RETURN = Variable.string("countryOfReturn");
  /** The region of the country of return (value set ReturnRegion), or null for the whole country (PartnerRouting). */
  public static final Variable<String> RETURN_REGION = Variable.string("returnRegion");
  public static final Variable<String> REFERRING_ORGANISATION = Variable.string("referringOrganisation");
  public static final Variable<LocalDate> REFERRAL_DATE = Variable.date("referralDate");
  public static final Variable<String> IDENTIFYING_BODY = Variable.string("identifyingBody");
  public static final Variable<String> PERIOD_TYPE = Variable.string("periodType");
  public static final Variable<Boolean> DEPARTURE_OBLIGATION = Variable.bool("departureObligation");
  /** An asylum seeker identified as a victim: no departure deadline while the asylum case is pending (IdentifyingBody). */
  public static final Variable<Boolean> STARTS_SUSPENDED = Variable.bool("startsSuspended");
  public static final Variable<IdentificationOutcome> IDENTIFICATION_OUTCOME =
      Variable.enumeration("identificationOutcome", IdentificationOutcome.class);
  public static final Variable<LocalDate> IDENTIFICATION_DATE = Variable.date("identificationDate");
  public static final Variable<Integer> INITIAL_PERIOD_DAYS = Variable.integer("initialPeriodDays");
  public static final Variable<Integer> MAX_PERIOD_DAYS = Variable.integer("maxPeriodDays");
  public static final Variable<LocalDate> DEPARTURE_DEADLINE = Variable.date("departureDeadline");
  public static final Variable<LocalDate> MAX_DEADLINE = Variable.date("maxDeadline");
  public static final Variable<LocalDate> NEW_DEPARTURE_DEADLINE = Variable.date("newDepartureDeadline");
  public static final Variable<String> CONTACT_PERSON = Variable.string("contactPerson");
  public static final Variable<OfferDecision> OFFER_DECISION = Variable.enumeration("offerDecision", OfferDecision.class);
  public static final Variable<LocalDate> PLANNED_DEPARTURE_DATE = Variable.date("plannedDepartureDate");
  /** The booked flight ("Book fly"), replaced by a rebooking (a case event). */
  public static final Variable<String> FLIGHT_NUMBER = Variable.string("flightNumber");
  public static final Variable<Boolean> DEPARTED = Variable.bool("departed");
  public static final Variable<LocalDate> DEPARTURE_DATE = Variable.date("departureDate");
  public static final Variable<LocalDate> ARRIVAL_DATE = Variable.date("arrivalDate");
  public static final Variable<Boolean> CHILD_SUPPORT = Variable.bool("childSupport");
  public static final Variable<String> EXIT_REASON = Variable.string("exitReason");
  public static final Variable<LocalDate> EXIT_DATE = Variable.date("exitDate");
  public static final Variable<String> SUSPENSION_REASON = Variable.string("suspensionReason");
  /** The day the return track was suspended (asylum applied, investigation started): the reflection period stops. */
  public static final Variable<LocalDate> SUSPENSION_DATE = Variable.date("suspensionDate");

  private CaseVariables() {
  }
}
