package dk.preparedreturn.journey;

/**
 * The legal ground of an extension of the period (forms DecideOnExtension and
 * DecideOnRestitutionExtension): the person cooperates on a prepared return, or special reasons
 * (Aliens Act § 33(14) for a departure deadline; the same grounds for CMM's restitution period).
 */
public enum ExtensionGround {
  COOPERATION, SPECIAL_REASONS
}
