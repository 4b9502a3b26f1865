package dk.preparedreturn.referral;

import dk.preparedreturn.casefile.PersonData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/referrals}. Unknown fields are refused, like values outside the
 * lists below; every bad field is named in one answer, malformed dates and unknown enum values
 * included ({@code dk.preparedreturn.api.BodyProblems}). "Today" is today in Denmark (the service's
 * clock), and no date lies before the bounds below, so nothing outside a plausible range reaches
 * the case record.
 */
public record ReferralRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits and . _ / - only")
    String referrerReference,
    @NotBlank @Pattern(regexp = "politi|cmm|udlaendingestyrelsen", message = "must be politi, cmm or udlaendingestyrelsen")
    String referringOrganisation,
    @NotNull Referral.ResidenceStatus residenceStatus,
    @NotBlank @IsoCountry String countryOfReturn,
    @NotNull @PastOrPresent @NotBefore("2000-01-01") LocalDate referralDate,
    @NotNull @Valid Person person) {

  /** The person's data; kept in its own table and shown only to the organisations that need it. */
  public record Person(
      @NotBlank @Size(max = 200) String fullName,
      @Past @NotBefore("1900-01-01") LocalDate dateOfBirth,
      @IsoCountry String nationality,
      @Pattern(regexp = "FEMALE|MALE|OTHER|UNKNOWN", message = "must be FEMALE, MALE, OTHER or UNKNOWN") String gender,
      @Pattern(regexp = "SEXUAL|LABOUR|CRIMINALITY|BEGGING|DOMESTIC_SERVITUDE|ORGAN_REMOVAL|OTHER|UNKNOWN",
          message = "must be SEXUAL, LABOUR, CRIMINALITY, BEGGING, DOMESTIC_SERVITUDE, ORGAN_REMOVAL, OTHER or UNKNOWN")
      String exploitationType,
      Boolean hasChildren,
      @Min(0) @Max(20) Integer numberOfChildren,
      @Size(max = 32) String preferredLanguage) {
  }

  Referral toReferral() {
    return new Referral(referrerReference, referringOrganisation, residenceStatus, countryOfReturn, referralDate,
        new PersonData(person.fullName(), person.dateOfBirth(),
            person.nationality() == null ? null : person.nationality().toUpperCase(java.util.Locale.ROOT),
            person.gender(), person.exploitationType(), person.hasChildren(), person.numberOfChildren(),
            person.preferredLanguage()));
  }
}
