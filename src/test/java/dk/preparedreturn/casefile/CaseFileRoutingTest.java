package dk.preparedreturn.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The case record's rules for the country of return and the partner, whatever a model or a form says. */
class CaseFileRoutingTest {

  static final LocalDate DAY = LocalDate.of(2026, 5, 7);

  CaseFile nigerian() {
    return CaseFile.referred("FH-2026-AAAAAA", "R-1", "politi", "NO_LAWFUL_RESIDENCE", "ng", DAY.minusDays(3),
        LocalDate.of(1995, 4, 12), Instant.parse("2026-05-04T08:00:00Z"), "test");
  }

  @Test
  void theReferralsCountryIsTheHomeCountryAndProvisionalUntilChosen() {
    CaseFile c = nigerian();
    assertThat(c.homeCountry()).isEqualTo("NG");
    assertThat(c.countryOfReturn()).isEqualTo("NG");
    assertThat(c.partnerGroup()).isEqualTo("partner-ng");
    assertThat(c.countryChosen()).isFalse();
    assertThat(c.accepted(DAY).partnerMayTakePart()).as("no partner before the country is chosen").isFalse();
    CaseFile chosen = c.countryChosen("NG", "NG_LAGOS", null, null, DAY).accepted(DAY);
    assertThat(chosen.partnerMayTakePart()).isTrue();
    assertThat(chosen.returnsToResidenceCountry()).isFalse();
  }

  @Test
  void anotherCountryNeedsEvidenceOfTheResidenceRightAndTheHomeCountryNone() {
    CaseFile c = nigerian();
    assertThatThrownBy(() -> c.countryChosen("IT", null, null, null, DAY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.countryChosen("IT", null, "A_PHOTO", DAY.plusYears(1), DAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.countryChosen("NG", null, "RESIDENCE_PERMIT", DAY.plusYears(1), DAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.countryChosen("IT", "NG_LAGOS", "RESIDENCE_PERMIT", DAY.plusYears(1), DAY))
        .as("a region of another country").isInstanceOf(IllegalArgumentException.class);
    CaseFile italy = c.countryChosen("it", null, "RESIDENCE_PERMIT", DAY.plusYears(1), DAY);
    assertThat(italy.countryOfReturn()).isEqualTo("IT");
    assertThat(italy.homeCountry()).isEqualTo("NG");
    assertThat(italy.partnerGroup()).isEqualTo("partner-it");
    assertThat(italy.returnsToResidenceCountry()).isTrue();
  }

  @Test
  void onlyAPartnerOfTheCountryOfReturnWhateverTheDecisionTableSays() {
    CaseFile c = nigerian().countryChosen("NG", null, null, null, DAY).accepted(DAY);
    assertThat(c.routedTo("partner-ng-lagos").partnerGroup()).isEqualTo("partner-ng-lagos");
    assertThatThrownBy(() -> c.routedTo("partner-th")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.routedTo("partner-nga")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.routedTo(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
