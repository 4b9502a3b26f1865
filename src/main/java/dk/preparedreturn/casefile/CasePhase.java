package dk.preparedreturn.casefile;

/** Where a case stands; set by the models (extension property {@code casePhase}) and by closure. */
public enum CasePhase {
  REFERRAL, IDENTIFICATION, REFLECTION, PREPARATION, TRAVEL, REINTEGRATION, SUSPENDED, HANDOVER, CLOSED
}
