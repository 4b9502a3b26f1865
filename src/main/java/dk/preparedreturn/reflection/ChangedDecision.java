package dk.preparedreturn.reflection;

/** After a decline, until the deadline (form ReconsiderDecline): the person accepts the offer after all. */
public enum ChangedDecision {
  ACCEPTED
}
