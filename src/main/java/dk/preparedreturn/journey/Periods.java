package dk.preparedreturn.journey;

import dk.preparedreturn.casefile.CaseService;
import org.springframework.stereotype.Component;

/**
 * {@code ${periods...}} in the models: which law the case's period runs under, read from the case
 * record (the truth for routing), never from a variable a caller could have written.
 *
 * <ul>
 *   <li>{@code deadlineSet(caseRef)}: does a departure deadline run? Not for an asylum seeker
 *       identified while the asylum case is pending: that case starts suspended (main process,
 *       "Udrejsefrist fastsat?").</li>
 *   <li>{@code restitution(caseRef)}: is the period a restitution period (lawful residents and EU
 *       citizens)? Then CMM, not Udlændingestyrelsen, decides an extension, and Aliens Act § 33(14)
 *       does not apply (DepartureDeadline, "Restitutionsperiode?").</li>
 * </ul>
 */
@Component("periods")
public class Periods {

  private final CaseService cases;

  Periods(CaseService cases) {
    this.cases = cases;
  }

  public boolean deadlineSet(String caseRef) {
    return cases.require(caseRef).deadlineSet();
  }

  public boolean restitution(String caseRef) {
    return cases.require(caseRef).restitutionPeriod();
  }
}
