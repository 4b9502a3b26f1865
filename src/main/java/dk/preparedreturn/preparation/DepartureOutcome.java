package dk.preparedreturn.preparation;

/** Whether the person left on the booked flight (form ConfirmDeparture). */
public enum DepartureOutcome {
  DEPARTED, NOT_DEPARTED
}
