package dk.preparedreturn.preparation;

import dk.preparedreturn.casefile.CaseService;
import org.springframework.stereotype.Component;

/**
 * {@code ${minors.minor(caseRef)}} in ReturnPreparation: was the person under 18 at the referral?
 * Read from the case record (the service computed it from the date of birth at the referral); the
 * date of birth itself never reaches a process variable.
 */
@Component("minors")
public class Minors {

  private final CaseService cases;

  Minors(CaseService cases) {
    this.cases = cases;
  }

  public boolean minor(String caseRef) {
    return cases.require(caseRef).minor();
  }
}
