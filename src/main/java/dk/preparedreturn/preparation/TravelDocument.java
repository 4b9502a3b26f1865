package dk.preparedreturn.preparation;

/** Documents obtained for the journey (checklist in form ObtainTravelDocuments). */
public enum TravelDocument {
  PASSPORT, TRAVEL_DOCUMENT, ENTRY_PERMIT
}
