package dk.preparedreturn.preparation;

/** Hjemrejsestyrelsen's decision on an escort (form DecideOnEscort). */
public enum EscortDecision {
  NEEDED, NOT_NEEDED
}
