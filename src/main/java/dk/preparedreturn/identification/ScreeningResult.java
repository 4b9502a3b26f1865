package dk.preparedreturn.identification;

/** CMM's screening of a referral (form ScreenReferral). */
public enum ScreeningResult {
  INDICATORS_FOUND, NO_INDICATORS
}
