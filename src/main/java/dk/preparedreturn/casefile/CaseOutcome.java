package dk.preparedreturn.casefile;

/** How a case ended; set by the end events of the main process (extension property {@code caseOutcome}). */
public enum CaseOutcome {
  /** No indicators, or not identified as a victim. */
  NOT_IDENTIFIED,
  /** Twelve months of reintegration support completed. */
  COMPLETED,
  /**
   * Withdrew or lost contact during identification or a suspension (closed at once), or after
   * departure (closed by DRC); the reason is the case's exit reason.
   */
  DROPPED_OUT,
  /** Handed to Hjemrejsestyrelsen as an ordinary return (deadline passed, offer declined, or drop-out before departure). */
  HANDED_OVER,
  /** Ended before departure without a departure obligation (lawful residence). */
  CLOSED_WITHOUT_RETURN,
  /** Asylum or a residence permit (e.g. Aliens Act § 9 c(5)) ended the return track. */
  RESIDENCE_GRANTED
}
