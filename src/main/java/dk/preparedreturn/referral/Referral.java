package dk.preparedreturn.referral;

import dk.preparedreturn.casefile.PersonData;
import java.time.LocalDate;

/**
 * A referral of a possible victim, as validated by the intake API: the referrer's own reference and
 * organisation, the routing facts, and the person's data (kept by the case module in a table of its
 * own, never in the case's processes).
 */
public record Referral(
    String referrerReference,
    String referringOrganisation,
    ResidenceStatus residenceStatus,
    String countryOfReturn,
    LocalDate referralDate,
    PersonData person) {

  public enum ResidenceStatus { NO_LAWFUL_RESIDENCE, LAWFUL_RESIDENCE, EU_CITIZEN, ASYLUM_SEEKER }
}
