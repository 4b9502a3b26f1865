package dk.preparedreturn.casefile;

/** A closed case was reopened ({@link CaseService#reopen}); published in the reopening transaction. */
public record CaseReopened(String caseRef) {
}
