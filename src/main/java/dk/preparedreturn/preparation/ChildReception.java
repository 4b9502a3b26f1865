package dk.preparedreturn.preparation;

/** Who receives a minor on arrival (form ArrangeChildReception, English). */
public enum ChildReception {
  FAMILY_WITH_PARTNER, CHILD_PROTECTION_SERVICES, CARE_INSTITUTION
}
