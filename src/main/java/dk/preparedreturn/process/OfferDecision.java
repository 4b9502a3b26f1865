package dk.preparedreturn.process;

/** The person's answer to the offer of a prepared return (form RecordDecision; {@code offerDecision}, unset until recorded). */
public enum OfferDecision {
  ACCEPTED, DECLINED, UNDECIDED
}
