package dk.preparedreturn.casefile;

import java.time.Instant;

/** A stay of a case in one phase: entered, and left (null while it is there). */
public record PhasePeriod(CasePhase phase, Instant enteredAt, Instant leftAt) {
}
