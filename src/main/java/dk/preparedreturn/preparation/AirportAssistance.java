package dk.preparedreturn.preparation;

/** Where airport assistance is arranged (checklist in form ArrangeAirportAssistance). */
public enum AirportAssistance {
  DEPARTURE, TRANSIT, ARRIVAL
}
