package dk.preparedreturn.preparation;

/** How the person was prepared for departure (checklist in form PreparePersonForDeparture). */
public enum PreparationItem {
  COUNSELLING, HEALTH, COUNTRY_INFO, PARTNER_CONTACT, PRACTICAL
}
