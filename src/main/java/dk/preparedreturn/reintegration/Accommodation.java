package dk.preparedreturn.reintegration;

/** Where the person lives on arrival (form ConfirmArrival). */
public enum Accommodation {
  OWN, FAMILY, SHELTER, PARTNER_ARRANGED
}
