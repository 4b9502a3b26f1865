package dk.preparedreturn.casefile;

/** No such case, or none the caller may see: the same answer (404) either way. */
public class CaseNotFound extends RuntimeException {

  private final String caseRef;

  public CaseNotFound(String caseRef) {
    super("No case " + caseRef);
    this.caseRef = caseRef;
  }

  public String caseRef() {
    return caseRef;
  }
}
