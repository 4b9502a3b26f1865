package dk.preparedreturn.reflection;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/phases/ReflectionPeriod.bpmn}. */
public final class ReflectionProcess {

  public static final String KEY = "ReflectionPeriod";

  public static final String TASK_ASSIGN_CONTACT_PERSON = "Task_AssignContactPerson";
  public static final String TASK_INFORM_ABOUT_OFFER = "Task_InformAboutOffer";
  public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
  /** After a decline: the person may still accept until the deadline. */
  public static final String TASK_RECONSIDER_DECLINE = "Task_ReconsiderDecline";
  public static final String TIMER_FOLLOW_UP = "TimerEvent_FollowUpDateReached";

  public static final Variable<java.time.LocalDate> FOLLOW_UP_DATE = Variable.date("followUpDate");
  public static final String CONTACT_PERSON_OPTIONS = "contactPersonOptions";

  /** The four points the person must have been told about ("Informér om forberedt hjemsendelse"), each required. */
  public static final Variable<Boolean> INFORMED_VOLUNTARY = Variable.bool("informedVoluntary");
  public static final Variable<Boolean> INFORMED_NO_POLICE_CONDITION = Variable.bool("informedNoPoliceCondition");
  public static final Variable<Boolean> INFORMED_SUPPORT = Variable.bool("informedSupport");
  public static final Variable<Boolean> INFORMED_DEADLINE = Variable.bool("informedDeadline");
  /** Informed consent to the offer (form checkbox). */
  public static final Variable<Boolean> OFFER_CONSENT = Variable.bool("offerConsent");
  /** Consent to sharing data with DRC and the partner abroad, a transfer to a third country (form checkbox). */
  public static final Variable<Boolean> DATA_SHARING_CONSENT = Variable.bool("dataSharingConsent");
  /** With an acceptance: the home country or another country where the person has a residence right. */
  public static final Variable<ReturnCountryChoice> RETURN_COUNTRY_CHOICE =
      Variable.enumeration("returnCountryChoice", ReturnCountryChoice.class);
  /** That other country (ISO 3166-1 alpha-2 code). */
  public static final Variable<String> RETURN_COUNTRY = Variable.string("returnCountry");
  /** The kind of evidence of the residence right there. */
  public static final Variable<ResidenceEvidence> RESIDENCE_EVIDENCE =
      Variable.enumeration("residenceEvidence", ResidenceEvidence.class);
  /** Until when that evidence is valid. */
  public static final Variable<java.time.LocalDate> RESIDENCE_VALID_UNTIL = Variable.date("residenceValidUntil");
  /** A region of the country of return where a regional partner works; none for the whole country. */
  public static final Variable<ReturnRegion> REGION = Variable.enumeration("region", ReturnRegion.class);
  /** The partner group the decision table PartnerRouting chose for the country and region (null: none yet). */
  public static final Variable<String> ROUTED_PARTNER = Variable.string("routedPartner");
  public static final String DECISION_PARTNER_ROUTING = "PartnerRouting";
  public static final String TASK_ROUTE_TO_PARTNER = "ServiceTask_RouteToPartner";
  /** "Registrér, hvis personen ændrer sin beslutning": the only answer is an acceptance. */
  public static final Variable<ChangedDecision> CHANGED_DECISION =
      Variable.enumeration("changedDecision", ChangedDecision.class);

  private ReflectionProcess() {
  }
}
