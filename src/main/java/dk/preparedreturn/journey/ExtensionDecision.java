package dk.preparedreturn.journey;

/** Udlændingestyrelsen's decision on extending the departure deadline (form DecideOnExtension). */
public enum ExtensionDecision {
  GRANTED, REFUSED
}
