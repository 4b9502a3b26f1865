package dk.preparedreturn.preparation;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.PersonData;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code ChildSafeguards}: a person under 18 at the referral gets a representative, the partner's
 * family assessment, a best-interest assessment and a reception arranged before the risk assessment
 * and the booking. T0 = 5 May 2026, departure deadline 4 June.
 */
class ChildSafeguardsProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  /** A referral of a person who turns 18 on the day after the referral: a minor at the referral. */
  Journey minor() {
    clockAt(REFERRAL);
    return Journey.start(engine, referrals, new Referral("POL-MINOR-" + System.nanoTime(), "politi",
        Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", REFERRAL,
        new PersonData("Fiktiv Mindreårig", REFERRAL.minusYears(18).plusDays(1), "NG", "FEMALE", "LABOUR", false, 0,
            "en")));
  }

  @Test
  void aMinorGetsARepresentativeABestInterestAssessmentAndAReceptionBeforeTheRiskAssessment() {
    Journey j = minor();
    assertThat(cases.require(j.caseRef()).minor()).isTrue();
    j.identify(T0).acceptOffer();
    assertThat(j.openTaskKeys()).contains(ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE,
        ChildSafeguardsProcess.TASK_ASSESS_FAMILY).doesNotContain(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT);
    assertThat(j.task(ChildSafeguardsProcess.TASK_ASSESS_FAMILY).getName()).isEqualTo(
        "Assess the family in the country of return");

    clockAt(LocalDate.of(2026, 5, 8));
    assertThatThrownBy(() -> j.complete(ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE,
        "representativeAppointedOn", "2026-05-09", "representativeInformed", true))
        .as("not in the future").isInstanceOf(InvalidFormInput.class);
    j.complete(ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE, "representativeAppointedOn", "2026-05-07",
        "representativeInformed", true);
    j.complete(ChildSafeguardsProcess.TASK_ASSESS_FAMILY, "familyVisitDate", "2026-05-08", "familyAssessment",
        "SUITABLE_WITH_SUPPORT");
    j.complete(ChildSafeguardsProcess.TASK_ASSESS_BEST_INTERESTS, "bestInterestOutcome", "RETURN_IN_BEST_INTERESTS",
        "representativeConsulted", true, "childHeard", true);
    j.complete(ChildSafeguardsProcess.TASK_ARRANGE_CHILD_RECEPTION, "childReception", "FAMILY_WITH_PARTNER",
        "childProtectionInformed", true);
    assertThat(j.passed(ChildSafeguardsProcess.END_SAFEGUARDS_IN_PLACE)).isEqualTo(1);
    assertThat(j.openTaskKeys()).contains(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT);
    j.assessedSafe();
    assertThat(cases.require(j.caseRef()).returnSafety()).isEqualTo("SAFE");
    assertThat(j.hasTask(PreparationProcess.TASK_PREPARE_PERSON)).isTrue();
  }

  @Test
  void aReturnNotInTheChildsBestInterestsIsNotSafe() {
    Journey j = minor().identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 8));
    j.complete(ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE, "representativeAppointedOn", "2026-05-07",
        "representativeInformed", true);
    j.complete(ChildSafeguardsProcess.TASK_ASSESS_FAMILY, "familyVisitDate", "2026-05-08", "familyAssessment",
        "NOT_SUITABLE");
    j.complete(ChildSafeguardsProcess.TASK_ASSESS_BEST_INTERESTS, "bestInterestOutcome",
        "RETURN_NOT_IN_BEST_INTERESTS", "representativeConsulted", true, "childHeard", true);
    assertThat(j.passed(ChildSafeguardsProcess.END_NOT_IN_BEST_INTERESTS)).isEqualTo(1);
    assertThat(j.hasTask(ChildSafeguardsProcess.TASK_ARRANGE_CHILD_RECEPTION)).isFalse();
    j.assessedSafe();
    assertThat(cases.require(j.caseRef()).returnSafety()).as("the decision table reads the best interests")
        .isEqualTo("NOT_SAFE");
    assertThat(j.openTaskKeys()).contains(PreparationProcess.TASK_RECORD_NOT_SAFE_FOLLOW_UP)
        .doesNotContain(PreparationProcess.TASK_BOOK_FLIGHT);
  }

  @Test
  void anAdultAtTheReferralGetsNoChildSafeguards() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    assertThat(cases.require(j.caseRef()).minor()).isFalse();
    assertThat(j.openTaskKeys()).doesNotContain(ChildSafeguardsProcess.TASK_RECORD_REPRESENTATIVE)
        .contains(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT);
  }
}
