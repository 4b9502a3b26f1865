package dk.preparedreturn.notification;

/** What a notification is about; each has a template per language under {@code mail/}. */
public enum NotificationKind {
  TASK_CREATED, TASK_ASSIGNED, TASK_DUE_SOON, TASK_OVERDUE,
  PREPARATION_LATE, EXTENSION_REQUEST_LIMIT, PARTNER_SEARCH_SLOW, HANDED_OVER,
  /** The legal departure deadline passed without departure: the escalation to the managers. */
  DEPARTURE_DEADLINE_PASSED,
  /**
   * The person declined the offer during a departure deadline under Aliens Act § 33(14): Udlændingestyrelsen,
   * which set the deadline (an extension may have rested on cooperation), is told.
   */
  OFFER_DECLINED,
  /** DRC transferred the case to another partner of its country: the new partner (in English) and DRC are told. */
  CASE_TRANSFERRED
}
