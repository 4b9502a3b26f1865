package dk.preparedreturn.caseevents;

import static dk.preparedreturn.identity.Groups.CMM;
import static dk.preparedreturn.identity.Groups.DRC;
import static dk.preparedreturn.identity.Groups.HJEMREJSESTYRELSEN;
import static dk.preparedreturn.identity.Groups.POLITI;
import static dk.preparedreturn.identity.Groups.UDLAENDINGESTYRELSEN;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Events that can happen at any time in a case, who may report them, and whether the case's
 * partner may ({@code partner}).
 */
public enum CaseEvent {
  EXTENSION_REQUESTED(Set.of(CMM), false),
  PERSON_WITHDREW(Set.of(CMM, DRC, HJEMREJSESTYRELSEN), true),
  CONTACT_LOST(Set.of(CMM, DRC, HJEMREJSESTYRELSEN), true),
  ASYLUM_APPLIED(Set.of(UDLAENDINGESTYRELSEN, CMM), false),
  INVESTIGATION_STARTED(Set.of(POLITI, UDLAENDINGESTYRELSEN), false),
  FLIGHT_REBOOKED(Set.of(HJEMREJSESTYRELSEN), false),
  /**
   * The person is back in touch after the case closed because contact was lost (within the support
   * period): DRC decides whether the support resumes ({@code ResumeSupport.bpmn}).
   */
  PERSON_BACK_IN_TOUCH(Set.of(DRC, CMM), true);

  /**
   * A flight number as "Book fly" takes it (the pattern of the field {@code flightNumber} in
   * {@code BookFlight.form}; {@code CaseEventFlightNumberTest} fails when the two differ): a rebooking
   * records the new flight's number by the same rule.
   */
  public static final Pattern FLIGHT_NUMBER = Pattern.compile("^[A-Z0-9]{2,3} ?[0-9]{1,4}$");

  private final Set<String> groups;
  private final boolean partner;

  CaseEvent(Set<String> groups, boolean partner) {
    this.groups = groups;
    this.partner = partner;
  }

  public Set<String> groups() {
    return groups;
  }

  public boolean partnerMayReport() {
    return partner;
  }
}
