package dk.preparedreturn.reintegration;

/** Why the cash support paid is not the amount the reintegration plan agreed (form PayCashSupport). */
public enum CashDifferenceReason {
  PART_OF_MONTH, ARREARS, AGREED_WITH_DRC
}
