package dk.preparedreturn.referral;

/** The referrer's reference is already used for a referral with different content. */
public class ReferralConflict extends RuntimeException {

  private final String caseRef;

  public ReferralConflict(String caseRef) {
    super("The referrer reference is already used for case " + caseRef + " with different content");
    this.caseRef = caseRef;
  }

  public String caseRef() {
    return caseRef;
  }
}
