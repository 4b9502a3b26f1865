package dk.preparedreturn.reflection;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.OFFER_DECISION;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import java.util.Locale;
import java.util.Set;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.OfferDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Registrér personens beslutning": accepted, declined or not decided yet; when not decided, a
 * follow-up date after today and not after the departure deadline; when accepted, the person's informed
 * consent to the offer and to sharing data with DRC and the partner abroad (both required; the day of
 * the consent goes to the case record, and before it no partner takes part in the case). The decision
 * goes to the case record (take-up of the offer is a managers' figure). Also the listener of "Registrér,
 * hvis personen ændrer sin beslutning", whose form offers only the acceptance.
 */
@Component("validateOfferDecision")
class ValidateOfferDecision implements TaskListener {

  private final DeadlineCalendar deadlines;
  private final CaseService cases;

  private final FormInputs inputs;

  ValidateOfferDecision(FormInputs inputs, DeadlineCalendar deadlines, CaseService cases) {
    this.inputs = inputs;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    FormInput input = inputs.of(task);
    if (ReflectionProcess.TASK_RECONSIDER_DECLINE.equals(task.getTaskDefinitionKey())) {
      input.requireChoice(ReflectionProcess.CHANGED_DECISION);
      accept(task, input);
      // the period's copy of the decision, which the main process reads after a suspension
      OFFER_DECISION.set(task.getExecution(), OfferDecision.ACCEPTED);
      return;
    }
    OfferDecision decision = input.requireChoice(OFFER_DECISION);
    if (decision == OfferDecision.UNDECIDED) {
      input.requireDateBetween(ReflectionProcess.FOLLOW_UP_DATE, deadlines.today().plusDays(1),
          DEPARTURE_DEADLINE.require(task));
    }
    if (decision == OfferDecision.ACCEPTED) {
      accept(task, input);
      return;
    }
    cases.recordOfferDecision(CaseScope.requireCaseRef(task), decision.name());
  }

  /**
   * Informed consent to the offer and to sharing data with DRC and the partner abroad (a transfer to a
   * third country); the forms require both boxes, checked here too for any other caller. The country of
   * return chosen with the person: the home country (the referral's), or another country where the
   * person has a residence right, which needs the kind of evidence and its validity (valid today at
   * least); a region must lie in the chosen country.
   */
  private void accept(DelegateTask task, FormInput input) {
    input.requireTicked(ReflectionProcess.OFFER_CONSENT);
    input.requireTicked(ReflectionProcess.DATA_SHARING_CONSENT);
    String caseRef = CaseScope.requireCaseRef(task);
    CaseFile file = cases.require(caseRef);
    String country = file.homeCountry();
    String evidence = null;
    java.time.LocalDate validUntil = null;
    if (input.requireChoice(ReflectionProcess.RETURN_COUNTRY_CHOICE) == ReturnCountryChoice.RESIDENCE_COUNTRY) {
      country = input.requireText(ReflectionProcess.RETURN_COUNTRY).toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(country)) {
        throw input.brokenRule(ReflectionProcess.RETURN_COUNTRY, "isoCountry");
      }
      if (country.equals(file.homeCountry())) {
        throw input.brokenRule(ReflectionProcess.RETURN_COUNTRY, "returnCountryIsHomeCountry");
      }
      ResidenceEvidence kind = evidence(input);
      if (kind == null) {
        throw input.brokenRule(ReflectionProcess.RESIDENCE_EVIDENCE, "residenceEvidenceRequired");
      }
      evidence = kind.name();
      validUntil = input.requireDateBetween(ReflectionProcess.RESIDENCE_VALID_UNTIL, deadlines.today(), null);
    }
    ReturnRegion region = input.optionalChoice(ReflectionProcess.REGION);
    if (region != null && !region.country().equals(country)) {
      throw input.brokenRule(ReflectionProcess.REGION, "regionOfCountry", country);
    }
    cases.recordAcceptance(caseRef, country, region == null ? null : region.name(), evidence, validUntil);
  }

  private static ResidenceEvidence evidence(FormInput input) {
    return input.optionalChoice(ReflectionProcess.RESIDENCE_EVIDENCE);
  }

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
}
