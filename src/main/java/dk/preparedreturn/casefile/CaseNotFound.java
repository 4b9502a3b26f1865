package dk.preparedreturn.casefile;

/** No case with that reference. */
public class CaseNotFound extends RuntimeException {

  public CaseNotFound(String caseRef) {
    super("No case " + caseRef);
  }
}
