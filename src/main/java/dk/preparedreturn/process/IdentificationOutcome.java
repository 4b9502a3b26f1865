package dk.preparedreturn.process;

/** Udlændingestyrelsen's or CMM's decision on victim status (form DecideVictimStatus; {@code identificationOutcome}, unset until decided). */
public enum IdentificationOutcome {
  IDENTIFIED, NOT_IDENTIFIED
}
