package dk.preparedreturn.reflection;

/**
 * The regions of a country of return where a partner works only there, named {@code <country>_<region>};
 * a case without a region goes to the partner of the whole country. Which partner group serves which
 * country and region is decided in {@code PartnerRouting.dmn}; a new region is a new constant here, an
 * option of the decision forms and a row of that table.
 */
public enum ReturnRegion {
  /** Nigeria: Edo State (Benin City). */
  NG_EDO,
  /** Nigeria: Delta State. */
  NG_DELTA,
  /** Nigeria: Lagos State. */
  NG_LAGOS;

  /** The ISO 3166-1 alpha-2 code of the region's country. */
  public String country() {
    return name().substring(0, 2);
  }
}
