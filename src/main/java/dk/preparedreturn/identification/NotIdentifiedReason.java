package dk.preparedreturn.identification;

/** Why a person was not identified as a victim (form DecideVictimStatus). */
public enum NotIdentifiedReason {
  TRAFFICKING_NOT_ESTABLISHED, INSUFFICIENT_INFORMATION, PERSON_DECLINED_ASSESSMENT, PERSON_UNAVAILABLE
}
