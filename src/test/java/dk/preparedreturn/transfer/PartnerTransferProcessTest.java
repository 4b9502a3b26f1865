package dk.preparedreturn.transfer;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code PartnerTransfer}: DRC moves a case to another partner of its country, after the old partner's hand-over. */
class PartnerTransferProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);
  static final String LAGOS = "partner-ng-lagos";
  static final String LAGOS_USER = "ng-lagos-test";
  static final Caller DRC = new Caller(TestUsers.DRC_CASEWORKER, List.of("drc"));

  @Autowired
  PartnerTransfers transfers;
  @Autowired
  CaseParticipation participation;

  @BeforeEach
  void lagosPartner() {
    TestUsers.ensure(engine.getIdentityService(), LAGOS_USER, LAGOS, "Lagos-Test-Passw0rd!");
  }

  /** A Nigerian case in preparation with the partner in Benin City (partner-ng), DRC taking part. */
  Journey withPartnerNg() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    participation.join(j.caseRef(), "drc");
    assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo("partner-ng");
    assertThat(j.hasTask("Task_MeetBeforeDeparture")).isTrue();
    return j;
  }

  @Test
  void theOldPartnerHandsOverThenTheNewPartnerTakesTheOpenTasksAndTheOldOneLosesTheCase() {
    Journey j = withPartnerNg();
    clockAt(LocalDate.of(2026, 5, 8));
    transfers.start(j.caseRef(), LAGOS, DRC);
    var handOver = j.task(PartnerTransferProcess.TASK_HAND_OVER_CASE);
    assertThat(groups(handOver.getId())).as("the partner the case is with until the transfer")
        .containsExactly("partner-ng");
    assertThat(handOver.getDueDate().toInstant())
        .isEqualTo(LocalDate.of(2026, 5, 18).atTime(23, 59).atZone(Journey.ZONE).toInstant());
    assertThat(cases.require(j.caseRef()).partnerGroup()).as("not before the hand-over").isEqualTo("partner-ng");
    assertThatThrownBy(() -> transfers.start(j.caseRef(), LAGOS, DRC)).as("one transfer at a time")
        .isInstanceOf(InvalidFormInput.class);

    assertThatThrownBy(() -> j.complete(PartnerTransferProcess.TASK_HAND_OVER_CASE, "handedOver",
        Journey.json("[\"NOTHING_YET\",\"DOCUMENTS\"]"), "personInformed", true, "handedOverOn", "2026-05-08"))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Handed over to the new partner: “Nothing to hand over yet” cannot be chosen with anything else");
    assertThatThrownBy(() -> j.complete(PartnerTransferProcess.TASK_HAND_OVER_CASE, "handedOver",
        Journey.json("[\"PLAN_AND_PROGRESS\"]"), "personInformed", true, "handedOverOn", "2026-05-07"))
        .as("before DRC's decision").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Handed over on: must not be before 8 May 2026");

    String meeting = j.task("Task_MeetBeforeDeparture").getId();
    engine.getTaskService().claim(meeting, TestUsers.PARTNER_NG);
    j.complete(PartnerTransferProcess.TASK_HAND_OVER_CASE, "handedOver",
        Journey.json("[\"PLAN_AND_PROGRESS\",\"DOCUMENTS\"]"), "personInformed", true, "handedOverOn", "2026-05-08");

    assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo(LAGOS);
    assertThat(groups(meeting)).as("the open partner task moved").containsExactly(LAGOS);
    assertThat(j.task("Task_MeetBeforeDeparture").getAssignee()).as("given back: not a member of the new partner")
        .isNull();
    assertThat(participation.groups(j.caseRef())).contains(LAGOS).doesNotContain("partner-ng");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("partner-ng").list())
        .as("no grant of the old partner on any instance, history or task of the case")
        .noneMatch(a -> j.instanceIds().contains(a.getResourceId()) || meeting.equals(a.getResourceId()));
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(LAGOS)
        .resourceType(Resources.PROCESS_INSTANCE).list()).extracting(a -> a.getResourceId()).contains(j.mainId());

    // the old partner can no longer see or work on the case; the new partner can
    engine.getIdentityService().setAuthentication(TestUsers.PARTNER_NG, List.of("partner-ng"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef()).count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(j.caseRef()).count())
        .isZero();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(meeting, Journey.vars("partnerMeetingDate",
        "2026-05-08", "partnerMeetingForm", "VIDEO", "planDiscussed", true))).isInstanceOf(AuthorizationException.class);
    engine.getIdentityService().setAuthentication(LAGOS_USER, List.of(LAGOS));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef()).listPage(0, 100))
        .extracting(t -> t.getTaskDefinitionKey()).contains("Task_MeetBeforeDeparture");
    engine.getTaskService().claim(meeting, LAGOS_USER);
    engine.getFormService().submitTaskForm(meeting, Journey.vars("partnerMeetingDate", "2026-05-08",
        "partnerMeetingForm", "VIDEO", "planDiscussed", true));
    engine.getIdentityService().clearAuthentication();
    assertThat(j.passed(PartnerTransferProcess.END_CASE_TRANSFERRED)).isEqualTo(1);
    assertThat(notifications(j.caseRef())).as("the new partner in English, DRC in Danish")
        .contains("CASE_TRANSFERRED:en", "CASE_TRANSFERRED:da");
    assertThat(jdbc.sql("SELECT recipients FROM notification WHERE case_ref = ? AND kind = 'CASE_TRANSFERRED'")
        .param(j.caseRef()).query(String.class).list()).as("the new partner, not the old one")
        .anyMatch(r -> r.contains("partner-ng-lagos@")).noneMatch(r -> r.contains("partner-ng@"));

    // tasks created from now on go to the new partner, all the way through the reintegration
    j.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"), "documentsValidUntil",
        "2027-06-01", "accompanyingChildren", 0)
        .assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", "2026-05-28", "flightNumber", "SK 1234")
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED")
        .complete("Task_PrepareReintegrationPlan", "planAreas", Journey.json("[\"BUSINESS\"]"), "childSupport", false,
            "planBudgetDkk", 30000, "monthlyCashDkk", 1500)
        .complete("Task_PreparePersonForDeparture", "preparation", Journey.json("[\"COUNSELLING\"]"))
        .departed(LocalDate.of(2026, 5, 28));
    assertThat(groups(j.task("Task_ConfirmArrival").getId())).containsExactly(LAGOS);
    assertThat(participation.groups(j.caseRef())).doesNotContain("partner-ng");
  }

  @Test
  void withoutAHandOverInTimeTheCaseMovesAnyway() {
    Journey j = withPartnerNg();
    clockAt(LocalDate.of(2026, 5, 8));
    transfers.start(j.caseRef(), LAGOS, DRC);
    clockAt(LocalDateTime.of(2026, 5, 18, 23, 59));
    j.executeDueJobs();
    assertThat(j.hasTask(PartnerTransferProcess.TASK_HAND_OVER_CASE)).as("the last day").isTrue();
    clockAt(LocalDate.of(2026, 5, 19).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.hasTask(PartnerTransferProcess.TASK_HAND_OVER_CASE)).isFalse();
    assertThat(j.passed(PartnerTransferProcess.TIMER_HAND_OVER_OVERDUE)).isEqualTo(1);
    assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo(LAGOS);
    assertThat(groups(j.task("Task_MeetBeforeDeparture").getId())).containsExactly(LAGOS);
    assertThat(participation.groups(j.caseRef())).doesNotContain("partner-ng");
  }

  @Test
  void aCaseThatClosesDuringATransferNeedsNoHandOver() {
    Journey j = withPartnerNg();
    transfers.start(j.caseRef(), LAGOS, DRC);
    assertThat(j.hasTask(PartnerTransferProcess.TASK_HAND_OVER_CASE)).isTrue();
    cases.close(j.caseRef(), dk.preparedreturn.casefile.CaseOutcome.DROPPED_OUT);
    assertThat(j.hasTask(PartnerTransferProcess.TASK_HAND_OVER_CASE)).as("the transfer ended with the case").isFalse();
    assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo("partner-ng");
    assertThatThrownBy(() -> transfers.start(j.caseRef(), LAGOS, DRC)).as("a closed case is not transferred")
        .isInstanceOf(InvalidFormInput.class);
  }

  @Test
  void drcCanOnlyPickAnotherPartnerOfTheCasesCountryAndOnlyOnceThePersonAccepted() {
    Journey early = newCase(REFERRAL).identify(T0).informed();
    participation.join(early.caseRef(), "drc");
    assertThatThrownBy(() -> transfers.start(early.caseRef(), LAGOS, DRC)).as("no partner before the acceptance")
        .isInstanceOf(InvalidFormInput.class)
        .hasMessageContaining("ingen partner endnu");

    Journey j = withPartnerNg();
    assertThatThrownBy(() -> transfers.start(j.caseRef(), "partner-th", DRC)).as("a partner of another country")
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Den nye partner skal være en partner i sagens hjemrejseland (partner-ng eller en af dens regioner).");
    assertThatThrownBy(() -> transfers.start(j.caseRef(), "partner-ng", DRC)).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Sagen er allerede hos denne partner.");
    assertThatThrownBy(() -> transfers.start(j.caseRef(), "partner-ng-abuja", DRC)).as("no such group")
        .isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> transfers.start(j.caseRef(), LAGOS,
        new Caller(TestUsers.CMM_CASEWORKER, List.of("cmm")))).as("only DRC").isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> transfers.start(j.caseRef(), LAGOS,
        new Caller(TestUsers.PARTNER_TH, List.of("partner-th")))).as("not taking part: as if there were no case")
        .isInstanceOf(CaseNotFound.class);
    assertThat(j.hasTask(PartnerTransferProcess.TASK_HAND_OVER_CASE)).isFalse();
    assertThat(transfers.options(cases.require(j.caseRef()))).contains(LAGOS).doesNotContain("partner-ng", "partner-th");

    Journey thai = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "TH").identify(T0).acceptOffer();
    assertThat(transfers.options(cases.require(thai.caseRef()))).as("one partner for the whole country").isEmpty();
  }

  @Test
  void aTransferDuringTheReintegrationMovesTheOpenMonthAndEveryLaterMonthToTheNewPartner() {
    Journey j = withPartnerNg().prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28))
        .arrived(LocalDate.of(2026, 5, 29));
    String cash = j.task("Task_PayCashSupport").getId();
    assertThat(groups(cash)).containsExactly("partner-ng");
    clockAt(LocalDate.of(2026, 6, 2));
    transfers.start(j.caseRef(), LAGOS, DRC);
    j.complete(PartnerTransferProcess.TASK_HAND_OVER_CASE, "handedOver", Journey.json("[\"PAYMENTS_AND_CLAIMS\"]"),
        "personInformed", true, "handedOverOn", "2026-06-02");
    assertThat(groups(cash)).as("the open month").containsExactly(LAGOS);
    assertThat(groups(j.task("Task_RefineReintegrationPlan").getId())).containsExactly(LAGOS);

    clockAt(LocalDateTime.of(2026, 6, 29, 8, 0));
    j.executeDueJobs();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef())
        .taskDefinitionKey("Task_PayCashSupport").list()).as("month 2 starts with the new partner").hasSize(2)
        .allSatisfy(t -> assertThat(groups(t.getId())).containsExactly(LAGOS));
    assertThat(participation.groups(j.caseRef())).contains(LAGOS).doesNotContain("partner-ng");
  }

  List<String> groups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }
}
