package dk.preparedreturn.process;

import java.util.Set;

/**
 * What the service alone writes into a case's processes, from the case record: the case reference,
 * the routing values (referring organisation, residence status, country of return and partner) and
 * the deadlines. No form field, no client and no model may write them ({@link ModelRules},
 * {@link CallerPolicy}); models read them, e.g. {@code ${partnerGroup}} as a candidate group or
 * {@code ${departureDeadline}} in a timer.
 */
public final class ServiceOwned {

  public static final Set<String> VARIABLES = Set.of("caseRef", "residenceStatus", "referringOrganisation",
      "referralDate", "countryOfReturn", "returnRegion", "partnerGroup", "newPartnerGroup", "departureDeadline", "maxDeadline");
  /** Candidate groups a model may name besides the Danish organisations: routing values of the case. */
  public static final Set<String> ROUTED_CANDIDATE_GROUPS = Set.of("${partnerGroup}", "${identifyingBody}");
  /** Assignees a model may name: the case's contact person, set by the service. */
  public static final Set<String> ASSIGNEES = Set.of("${contactPerson}");

  private ServiceOwned() {
  }
}
