package dk.preparedreturn.reflection;

/** The kind of evidence of a residence right in a country other than the home country (kept in the case record). */
public enum ResidenceEvidence {
  RESIDENCE_PERMIT,
  EU_FAMILY_MEMBER_CARD,
  OTHER_DOCUMENT
}
