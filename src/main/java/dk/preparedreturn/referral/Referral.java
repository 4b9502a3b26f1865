package dk.preparedreturn.referral;

import java.time.LocalDate;

/**
 * A referral of a possible victim, as validated by the intake API: the referrer's own reference and
 * organisation, the routing facts, and the person's data in its own object.
 */
public record Referral(
    String referrerReference,
    String referringOrganisation,
    ResidenceStatus residenceStatus,
    String countryOfReturn,
    LocalDate referralDate,
    Person person) {

  public enum ResidenceStatus { NO_LAWFUL_RESIDENCE, LAWFUL_RESIDENCE, EU_CITIZEN, ASYLUM_SEEKER }

  public record Person(
      String fullName,
      LocalDate dateOfBirth,
      String nationality,
      String gender,
      String exploitationType,
      Boolean hasChildren,
      Integer numberOfChildren,
      String preferredLanguage) {
  }
}
