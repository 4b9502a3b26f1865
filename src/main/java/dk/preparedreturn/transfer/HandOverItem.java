package dk.preparedreturn.transfer;

/** What the old partner handed over to the new one (form HandOverCase). */
public enum HandOverItem {
  PLAN_AND_PROGRESS,
  PAYMENTS_AND_CLAIMS,
  DOCUMENTS,
  /** Nothing yet to hand over (the case had just come to the partner); not with any other item. */
  NOTHING_YET
}
