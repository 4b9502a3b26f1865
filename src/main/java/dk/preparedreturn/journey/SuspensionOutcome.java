package dk.preparedreturn.journey;

/** How a suspension of the return track ended (form RecordEndOfSuspension). */
public enum SuspensionOutcome {
  RETURN_RESUMES, RESIDENCE_GRANTED
}
