package dk.preparedreturn.identification;

/**
 * CMM's screening of a referral (form ScreenReferral). NO_INDICATORS and NO_CONSENT (the person does
 * not let the data go on to the identifying body) end the case, each the case's exit reason.
 */
public enum ScreeningResult {
  INDICATORS_FOUND, NO_INDICATORS, NO_CONSENT
}
