package dk.preparedreturn.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/referrals}. Unknown fields are refused, like values outside the
 * lists below.
 */
public record ReferralRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits and . _ / - only")
    String referrerReference,
    @NotBlank @Pattern(regexp = "politi|cmm|udlaendingestyrelsen", message = "must be politi, cmm or udlaendingestyrelsen")
    String referringOrganisation,
    @NotNull Referral.ResidenceStatus residenceStatus,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. NG")
    String countryOfReturn,
    @NotNull @PastOrPresent LocalDate referralDate,
    @NotNull @Valid Person person) {

  static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @AssertTrue(message = "must be an ISO 3166-1 alpha-2 code, e.g. NG")
  boolean isCountryOfReturnKnown() {
    return countryOfReturn == null || !countryOfReturn.matches("[A-Z]{2}") || COUNTRIES.contains(countryOfReturn);
  }

  /** The person's data; kept in its own table and shown only to the organisations that need it. */
  public record Person(
      @NotBlank @Size(max = 200) String fullName,
      @Past LocalDate dateOfBirth,
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String nationality,
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
        new Referral.Person(person.fullName(), person.dateOfBirth(), person.nationality(), person.gender(),
            person.exploitationType(), person.hasChildren(), person.numberOfChildren(), person.preferredLanguage()));
  }
}
