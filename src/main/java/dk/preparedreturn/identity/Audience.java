package dk.preparedreturn.identity;

import java.util.Collection;
import java.util.Locale;

/**
 * The language a user works in, decided in one place: the partners abroad work in English, every
 * Danish organisation (and managers, process owners, administrators) in Danish. A user who is in a
 * partner group and in no Danish group is a partner.
 */
public enum Audience {
  DANISH(Locale.forLanguageTag("da-DK")),
  ENGLISH(Locale.forLanguageTag("en-GB"));

  private final Locale locale;

  Audience(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public boolean english() {
    return this == ENGLISH;
  }

  /** The audience of a user with these groups. */
  public static Audience of(Collection<String> groups) {
    if (groups == null) {
      return DANISH;
    }
    boolean partner = groups.stream().anyMatch(Groups::isPartnerGroup);
    boolean danish = groups.stream().anyMatch(g -> !Groups.isPartnerGroup(g));
    return partner && !danish ? ENGLISH : DANISH;
  }

  /** The audience of a task's candidate groups: English when it is for a partner. */
  public static Audience ofCandidates(Collection<String> candidateGroups) {
    return candidateGroups != null && candidateGroups.stream().anyMatch(Groups::isPartnerGroup) ? ENGLISH : DANISH;
  }
}
