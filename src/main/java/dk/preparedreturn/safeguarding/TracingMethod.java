package dk.preparedreturn.safeguarding;

/** How the partner tried to reach the person (form TryToTracePerson). */
public enum TracingMethod {
  PHONE, HOME_VISIT, FAMILY_OR_NETWORK, COMMUNITY
}
