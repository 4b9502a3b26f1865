package dk.preparedreturn.reintegration;

/** The result of following up a missing arrival confirmation (form FollowUpMissingArrival). */
public enum ArrivalFollowUp {
  PARTNER_REMINDED, ARRIVAL_CONFIRMED, NOT_ARRIVED
}
