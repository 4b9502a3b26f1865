package dk.preparedreturn.journey;

import static dk.preparedreturn.testsupport.Journey.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralRequest;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every date rule in Danish time (Europe/Copenhagen), whatever the JVM's default zone (issue 15,
 * item 13): each test runs with the JVM in a zone far west (Los Angeles, UTC-8) and far east
 * (Kiritimati, UTC+14) of Copenhagen, at a moment when the date there differs from the Danish date.
 *
 * <ul>
 *   <li>Los Angeles: 00:30 on Wednesday 11 March 2026 in Denmark is 15:30 on the 10th there. A
 *       referral or event dated the Danish today (the 11th) must be accepted, the 12th refused.</li>
 *   <li>Kiritimati: 23:30 on the 11th in Denmark is 12:30 on the 12th there. The 12th must be refused
 *       as a date in the future, the 11th accepted.</li>
 * </ul>
 */
class DanishDatesTest extends ProcessTestBase {

  static final LocalDate DANISH_TODAY = LocalDate.of(2026, 3, 11);

  @Autowired
  Validator validator;
  @Autowired
  DeadlineCalendar deadlines;

  private TimeZone jvmZone;

  @BeforeEach
  void keepJvmZone() {
    jvmZone = TimeZone.getDefault();
  }

  @AfterEach
  void restoreJvmZone() {
    TimeZone.setDefault(jvmZone);
  }

  /** The JVM in the given zone, the clock at a Danish time on {@link #DANISH_TODAY} where that zone has another date. */
  void at(String jvmZoneId) {
    LocalDateTime danish = jvmZoneId.startsWith("America") ? DANISH_TODAY.atTime(0, 30) : DANISH_TODAY.atTime(23, 30);
    Instant now = danish.atZone(ZONE).toInstant();
    TimeZone.setDefault(TimeZone.getTimeZone(jvmZoneId));
    ClockUtil.setCurrentTime(Date.from(now));
    assertThat(LocalDate.now()).as("the JVM's own date differs from the Danish one").isNotEqualTo(DANISH_TODAY);
  }

  static ReferralRequest referral(LocalDate date) {
    return new ReferralRequest("POL-DK-TIME", "politi", Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", date,
        new ReferralRequest.Person("Testperson Fiktiv", LocalDate.of(1995, 4, 12), "NG", "FEMALE", "SEXUAL", false, 0,
            "en"));
  }

  List<String> invalidFields(ReferralRequest request) {
    return validator.validate(request).stream().map(v -> v.getPropertyPath().toString()).toList();
  }

  @ParameterizedTest(name = "JVM in {0}")
  @ValueSource(strings = {"America/Los_Angeles", "Pacific/Kiritimati"})
  void aReferralDatedTheDanishTodayIsAcceptedAndTheDanishTomorrowRefused(String jvmZoneId) {
    at(jvmZoneId);
    assertThat(deadlines.today()).isEqualTo(DANISH_TODAY);
    assertThat(invalidFields(referral(DANISH_TODAY))).as("the intake's 'not in the future'").isEmpty();
    assertThat(invalidFields(referral(DANISH_TODAY.plusDays(1)))).containsExactly("referralDate");
  }

  @ParameterizedTest(name = "JVM in {0}")
  @ValueSource(strings = {"America/Los_Angeles", "Pacific/Kiritimati"})
  void anEventDatedTheDanishTodayIsAcceptedAndTheDanishTomorrowRefused(String jvmZoneId) {
    Journey j = newCase(LocalDate.of(2026, 3, 2)).identify(LocalDate.of(2026, 3, 3)).acceptOffer();
    at(jvmZoneId);
    Caller cmm = new Caller(TestUsers.BY_GROUP.get("cmm"), List.of("cmm"));
    assertThatThrownBy(() -> events.report(j.caseRef(), CaseEvent.EXTENSION_REQUESTED, DANISH_TODAY.plusDays(1), null, null,
        cmm)).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Hændelsesdatoen skal udfyldes og må ikke ligge i fremtiden");
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).as("nothing happened").isFalse();
    events.report(j.caseRef(), CaseEvent.EXTENSION_REQUESTED, DANISH_TODAY, null, null, cmm);
    assertThat(j.hasTask(DepartureDeadlineProcess.TASK_DECIDE_ON_EXTENSION)).isTrue();
  }

  @ParameterizedTest(name = "JVM in {0}")
  @ValueSource(strings = {"America/Los_Angeles", "Pacific/Kiritimati"})
  void anIdentificationDatedTheDanishTodayIsAcceptedAndItsDeadlinePassesAtDanishMidnight(String jvmZoneId) {
    Journey j = newCase(LocalDate.of(2026, 3, 10));
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    at(jvmZoneId);
    assertThatThrownBy(() -> j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED",
        "identificationDate", DANISH_TODAY.plusDays(1).toString())).isInstanceOf(InvalidFormInput.class);
    j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate",
        DANISH_TODAY.toString());
    assertThat(cases.require(j.caseRef()).departureDeadline()).isEqualTo(DANISH_TODAY.plusDays(30));
    assertThat(j.timer(DepartureDeadlineProcess.TIMER_DEADLINE_PASSED).getDuedate().toInstant())
        .as("00:00 in Denmark the day after the deadline")
        .isEqualTo(DANISH_TODAY.plusDays(31).atStartOfDay(ZONE).toInstant());
    assertThat(j.task("Task_AssignContactPerson").getDueDate().toInstant()).as("due 23:59 Danish time")
        .isEqualTo(DANISH_TODAY.plusDays(2).atTime(23, 59).atZone(ZONE).toInstant());
  }
}
