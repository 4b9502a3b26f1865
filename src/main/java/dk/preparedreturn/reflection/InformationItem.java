package dk.preparedreturn.reflection;

/** What the person was informed of before deciding on the offer (checklist in form InformAboutOffer). */
public enum InformationItem {
  VOLUNTARY, NO_POLICE_CONDITION, SUPPORT, DEADLINE
}
