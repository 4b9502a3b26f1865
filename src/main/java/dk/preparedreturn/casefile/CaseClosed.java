package dk.preparedreturn.casefile;

/** Published in the closing transaction when a case gets its outcome. */
public record CaseClosed(String caseRef, CaseOutcome outcome) {
}
