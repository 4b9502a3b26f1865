package dk.preparedreturn.safeguarding;

/** The outcome of one tracing attempt (form TryToTracePerson); the tracing stops at the first FOUND. */
public enum TraceOutcome {
  FOUND, NOT_FOUND
}
