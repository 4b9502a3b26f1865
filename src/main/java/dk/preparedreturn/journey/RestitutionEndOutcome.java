package dk.preparedreturn.journey;

/**
 * What happens when the restitution period of a lawful resident or an EU citizen ends without a
 * prepared return (form EndRestitutionPeriod): there is no departure obligation in the case and no
 * hand-over to Hjemrejsestyrelsen. The person stays on their own residence ground (a permit, or for an
 * EU citizen the EU free-movement rules, assessed by Udlændingestyrelsen outside this case), left on
 * their own, or CMM does not know (no contact).
 */
public enum RestitutionEndOutcome {
  STAYS_ON_OWN_RESIDENCE, LEFT_ON_OWN, NOT_KNOWN
}
