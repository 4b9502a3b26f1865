package dk.preparedreturn.documents;

import dk.preparedreturn.identity.Groups;
import java.util.Collection;
import java.util.Set;

/**
 * What a document of a case is, and which organisations taking part in the case may upload and see
 * it ({@code partner}: the case's partner abroad). Need-to-know as for the person's data
 * ({@code casefile.PersonDataAccess}): a copy of a travel document shows nationality and passport
 * number, so it is for Hjemrejsestyrelsen, CMM and the police only (not DRC, not the partner); the
 * reintegration documents (receipts, the plan, the reports) are for DRC, CMM and the partner.
 * Udlændingestyrelsen, managers and anybody not taking part see no documents.
 */
public enum DocumentKind {
  /** A receipt for a reimbursement claim (seed 001: "mod forevisning af dokumentation"). */
  RECEIPT(Set.of(Role.PARTNER), Set.of(Role.PARTNER, Groups.DRC, Groups.CMM)),
  REINTEGRATION_PLAN(Set.of(Groups.DRC, Role.PARTNER), Set.of(Role.PARTNER, Groups.DRC, Groups.CMM)),
  PROGRESS_REPORT(Set.of(Role.PARTNER, Groups.DRC), Set.of(Role.PARTNER, Groups.DRC, Groups.CMM)),
  FINAL_REPORT(Set.of(Role.PARTNER, Groups.DRC), Set.of(Role.PARTNER, Groups.DRC, Groups.CMM)),
  TRAVEL_DOCUMENT(Set.of(Groups.HJEMREJSESTYRELSEN),
      Set.of(Groups.HJEMREJSESTYRELSEN, Groups.CMM, Groups.POLITI));

  private final Set<String> uploaders;
  private final Set<String> readers;

  DocumentKind(Set<String> uploaders, Set<String> readers) {
    this.uploaders = uploaders;
    this.readers = readers;
  }

  /** Whether one of the caller's groups that take part in the case may upload a document of this kind. */
  public boolean uploadableBy(Collection<String> participatingGroups) {
    return participatingGroups.stream().anyMatch(g -> uploaders.contains(role(g)));
  }

  /** Whether one of the caller's groups that take part in the case may list and download it. */
  public boolean readableBy(Collection<String> participatingGroups) {
    return participatingGroups.stream().anyMatch(g -> readers.contains(role(g)));
  }

  /** The file name's stem in a download ({@code receipt-D-7K3M9QXA.pdf}): no personal data. */
  String stem() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static DocumentKind parse(String name) {
    for (DocumentKind kind : values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  private static String role(String group) {
    return Groups.isPartnerGroup(group) ? Role.PARTNER : group;
  }


  /** The case's partner abroad, whichever partner group it is. */
  private static final class Role {
    static final String PARTNER = "partner";
  }
}
