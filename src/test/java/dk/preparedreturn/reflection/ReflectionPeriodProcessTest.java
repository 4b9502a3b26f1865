package dk.preparedreturn.reflection;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/** {@code ReflectionPeriod}: contact person, information about the offer and the person's decision. */
class ReflectionPeriodProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  @Test
  void theContactPersonIsChosenAmongCmmCaseworkersAndGetsTheFollowingTasks() {
    Journey j = newCase(REFERRAL).identify(T0);
    String task = j.task(ReflectionProcess.TASK_ASSIGN_CONTACT_PERSON).getId();
    SpinJsonNode options = (SpinJsonNode) engine.getTaskService().getVariableLocal(task,
        ReflectionProcess.CONTACT_PERSON_OPTIONS);
    assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).contains(TestUsers.CMM_CASEWORKER)
        .doesNotContain(TestUsers.DIS_CASEWORKER);

    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_ASSIGN_CONTACT_PERSON, "contactPerson",
        TestUsers.DIS_CASEWORKER)).as("not one of the form's options").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Kontaktperson: har en ugyldig værdi: " + TestUsers.DIS_CASEWORKER);

    j.complete(ReflectionProcess.TASK_ASSIGN_CONTACT_PERSON, "contactPerson", TestUsers.CMM_CASEWORKER);
    assertThat(j.task(ReflectionProcess.TASK_INFORM_ABOUT_OFFER).getAssignee()).isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(cases.require(j.caseRef()).contactPerson()).isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(j.variable("contactPerson")).as("known to the main process at once").isEqualTo(TestUsers.CMM_CASEWORKER);
  }

  @Test
  void anUndecidedPersonIsFollowedUpOnTheChosenDay() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "UNDECIDED",
        "followUpDate", "2026-06-05")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Følg op den: må ikke ligge efter 04.06.2026");

    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "UNDECIDED", "followUpDate", "2026-05-12");
    assertThat(j.hasTask(ReflectionProcess.TASK_RECORD_DECISION)).isFalse();
    clockAt(LocalDateTime.of(2026, 5, 12, 7, 59));
    j.executeDueJobs();
    assertThat(j.hasTask(ReflectionProcess.TASK_RECORD_DECISION)).isFalse();
    clockAt(LocalDateTime.of(2026, 5, 12, 8, 0));
    j.executeDueJobs();
    assertThat(j.hasTask(ReflectionProcess.TASK_RECORD_DECISION)).isTrue();
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("UNDECIDED");

    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED");
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).isTrue();
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("ACCEPTED");
  }

  @Test
  void aDeclinedOfferEndsThePeriod() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "DECLINED");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_OfferDeclined")
        .count()).isGreaterThanOrEqualTo(1);
    assertThat(j.hasTask(ReflectionProcess.TASK_RECORD_DECISION)).isFalse();
  }
}
