package dk.preparedreturn.preparation;

/** How DRC and the partner met the person before departure (form MeetBeforeDeparture). */
public enum MeetingForm {
  IN_PERSON, VIDEO, PHONE
}
