package dk.preparedreturn.reflection;

/**
 * Where the person returns to, chosen with the person with the acceptance (seed 001: reintegration "i
 * hjemlandet eller i et andet land, som de har opholdstilladelse i").
 */
public enum ReturnCountryChoice {
  /** The home country: the country of the referral. */
  HOME_COUNTRY,
  /** Another country where the person has a residence right, with its evidence. */
  RESIDENCE_COUNTRY
}
