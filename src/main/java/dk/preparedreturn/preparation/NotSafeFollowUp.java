package dk.preparedreturn.preparation;

/**
 * What follows when the return is assessed as not safe (form RecordNotSafeFollowUp, CMM): the
 * person applies for asylum (the return is suspended until the asylum case is decided), gets legal
 * advice on staying on another ground, or another solution is found; in the last two the prepared
 * return ends and the case is handed over (departure obligation) or the restitution period ends.
 */
public enum NotSafeFollowUp {
  ASYLUM_APPLICATION, LEGAL_ADVICE, OTHER_SOLUTION
}
