package dk.preparedreturn.reflection;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CaseParticipation;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/** {@code ReflectionPeriod}: contact person, information about the offer and the person's decision. */
class ReflectionPeriodProcessTest extends ProcessTestBase {

  @org.springframework.beans.factory.annotation.Autowired
  CaseParticipation participation;

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

    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).isTrue();
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("ACCEPTED");
  }

  @Test
  void aDeclineIsNotFinalUdlaendingestyrelsenIsToldAndThePersonMayStillAcceptBeforeTheDeadline() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "DECLINED");
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("DECLINED");
    assertThat(notifications(j.caseRef())).as("Udlændingestyrelsen, which set the deadline").contains("OFFER_DECLINED:da");
    Task reconsider = j.task(ReflectionProcess.TASK_RECONSIDER_DECLINE);
    assertThat(reconsider.getAssignee()).as("the contact person").isEqualTo(TestUsers.CMM_CASEWORKER);
    assertThat(reconsider.getDueDate()).isEqualTo(Date.from(LocalDate.of(2026, 6, 4).atTime(23, 59)
        .atZone(Journey.ZONE).toInstant()));
    assertThat(j.hasTask("Task_TakeOverAsOrdinaryReturn")).as("not handed over mid-period").isFalse();

    j.on(LocalDate.of(2026, 5, 20));
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECONSIDER_DECLINE, "changedDecision", "UNDECIDED"))
        .as("only an acceptance is recorded here").isInstanceOf(InvalidFormInput.class);
    assertThat(cases.require(j.caseRef()).offerDecision()).as("nothing changed").isEqualTo("DECLINED");
    j.complete(ReflectionProcess.TASK_RECONSIDER_DECLINE, "changedDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("ACCEPTED");
    assertThat(j.hasTask("Task_ObtainTravelDocuments")).as("the preparation starts").isTrue();
    assertThat(notifications(j.caseRef())).filteredOn(n -> n.startsWith("OFFER_DECLINED")).hasSize(1);
  }

  @Test
  void aDeclineThatStandsHandsTheCaseOverWhenTheDeadlinePassesNotBefore() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "DECLINED");
    clockAt(LocalDateTime.of(2026, 6, 4, 23, 59));
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).as("the last day of the deadline")
        .containsExactly(ReflectionProcess.TASK_RECONSIDER_DECLINE);
    clockAt(LocalDate.of(2026, 6, 5).atStartOfDay());
    j.executeDueJobs();
    assertThat(j.openTaskKeys()).containsExactly("Task_TakeOverAsOrdinaryReturn");
  }

  @Test
  void aDeclineDuringARestitutionPeriodIsNotReportedToUdlaendingestyrelsen() {
    Journey j = newCase(REFERRAL, dk.preparedreturn.referral.Referral.ResidenceStatus.EU_CITIZEN, "RO").identify(T0)
        .informed();
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "DECLINED");
    assertThat(notifications(j.caseRef())).noneMatch(n -> n.startsWith("OFFER_DECLINED"));
    assertThat(j.openTaskKeys()).containsExactly(ReflectionProcess.TASK_RECONSIDER_DECLINE);
  }

  @Test
  void anAcceptanceNeedsConsentToTheOfferAndToSharingDataAndBeforeItNoPartnerTakesPart() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED"))
        .isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", false)).as("no consent to sharing data with the partner")
        .isInstanceOf(InvalidFormInput.class);
    assertThat(cases.require(j.caseRef()).offerDecision()).as("nothing changed").isNull();
    assertThat(cases.require(j.caseRef()).consentDate()).isNull();
    assertThat(participation.groups(j.caseRef())).as("the partner has no part in the case").doesNotContain("partner-ng");
    assertThatThrownBy(() -> participation.join(j.caseRef(), "partner-ng"))
        .as("the case record refuses a partner before the consent").isInstanceOf(IllegalStateException.class);
    assertThat(participation.groups(j.caseRef())).doesNotContain("partner-ng");

    clockAt(LocalDate.of(2026, 5, 7));
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");
    assertThat(cases.require(j.caseRef()).offerDecision()).isEqualTo("ACCEPTED");
    assertThat(cases.require(j.caseRef()).consentDate()).isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(j.hasTask("Task_MeetBeforeDeparture")).as("now the partner gets its task").isTrue();
    assertThat(participation.groups(j.caseRef())).contains("partner-ng");
  }

  @Test
  void theCountryOfReturnIsChosenWithThePersonAnotherCountryNeedsEvidenceOfTheResidenceRight() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    clockAt(LocalDate.of(2026, 5, 7));
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true)).as("the country of return must be chosen")
        .isInstanceOf(InvalidFormInput.class).hasMessageStartingWith("Land for tilbagevenden:");
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY",
        "returnCountry", "IT", "residenceValidUntil", "2027-05-01")).as("no evidence of the residence right")
        .isInstanceOf(InvalidFormInput.class).hasMessageStartingWith("Dokumentation for opholdsretten:");
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY",
        "returnCountry", "IT", "residenceEvidence", "RESIDENCE_PERMIT", "residenceValidUntil", "2026-05-06"))
        .as("evidence no longer valid").isInstanceOf(InvalidFormInput.class)
        .hasMessage("Dokumentationen er gyldig til: må ikke ligge før 07.05.2026");
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY",
        "returnCountry", "NG", "residenceEvidence", "RESIDENCE_PERMIT", "residenceValidUntil", "2027-05-01"))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Landekode for opholdslandet: er personens hjemland; vælg “Hjemlandet”");
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY",
        "returnCountry", "XX", "residenceEvidence", "RESIDENCE_PERMIT", "residenceValidUntil", "2027-05-01"))
        .isInstanceOf(InvalidFormInput.class).hasMessageStartingWith("Landekode for opholdslandet: skal være en landekode");
    assertThatThrownBy(() -> j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED",
        "offerConsent", true, "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY",
        "returnCountry", "IT", "residenceEvidence", "RESIDENCE_PERMIT", "residenceValidUntil", "2027-05-01",
        "region", "NG_LAGOS")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Region (kun hvor der er regionale partnere): skal være en region i hjemrejselandet (IT)");
    assertThat(cases.require(j.caseRef()).offerDecision()).as("nothing recorded").isNull();
    assertThat(cases.require(j.caseRef()).countryChosen()).isFalse();

    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY", "returnCountry", "IT",
        "residenceEvidence", "EU_FAMILY_MEMBER_CARD", "residenceValidUntil", "2027-05-01");
    var file = cases.require(j.caseRef());
    assertThat(file.homeCountry()).isEqualTo("NG");
    assertThat(file.countryOfReturn()).isEqualTo("IT");
    assertThat(file.returnsToResidenceCountry()).isTrue();
    assertThat(file.residenceEvidence()).isEqualTo("EU_FAMILY_MEMBER_CARD");
    assertThat(file.residenceValidUntil()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(file.countryChosenOn()).isEqualTo(LocalDate.of(2026, 5, 7));
    assertThat(file.partnerGroup()).as("no partner in Italy in PartnerRouting: the country's group")
        .isEqualTo("partner-it");
    assertThat(j.hasTask("Task_FindLocalPartner")).as("DRC finds a local partner in Italy").isTrue();
    assertThat(participation.groups(j.caseRef())).as("the partner of the home country never takes part")
        .noneMatch(g -> g.startsWith("partner-ng"));
  }

  @Test
  void aRegionRoutesTheCaseToTheRegionalPartnerOfTheCountryNotToTheCountrysOther() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    assertThat(cases.require(j.caseRef()).partnerGroup()).as("provisional, from the referral").isEqualTo("partner-ng");
    j.complete(ReflectionProcess.TASK_RECORD_DECISION, "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY", "region", "NG_LAGOS");
    var file = cases.require(j.caseRef());
    assertThat(file.countryOfReturn()).isEqualTo("NG");
    assertThat(file.returnRegion()).isEqualTo("NG_LAGOS");
    assertThat(file.residenceEvidence()).isNull();
    assertThat(file.partnerGroup()).isEqualTo("partner-ng-lagos");
    assertThat(j.hasTask("Task_FindLocalPartner")).as("an agreement with the partner in Lagos").isFalse();
    assertThat(engine.getTaskService().getIdentityLinksForTask(j.task("Task_MeetBeforeDeparture").getId()))
        .extracting(l -> l.getGroupId()).containsExactly("partner-ng-lagos");
    assertThat(participation.groups(j.caseRef())).contains("partner-ng-lagos").doesNotContain("partner-ng");
  }
}
