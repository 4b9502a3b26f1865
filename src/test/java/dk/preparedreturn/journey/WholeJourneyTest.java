package dk.preparedreturn.journey;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.report.ReportService;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.Receipts;
import dk.preparedreturn.testsupport.ProcessTest;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One case from referral to closure at month 12, through every phase process, every task completed
 * with form values as a caseworker would, the clock moved to each deadline and month.
 */
@ProcessTest
class WholeJourneyTest {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  CaseService cases;
  @Autowired
  dk.preparedreturn.documents.Documents documents;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  dk.preparedreturn.caseevents.CaseEventService events;
  @Autowired
  ReportService reports;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(engine.getIdentityService());
    clockAt(REFERRAL);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fromReferralToClosureAtMonthTwelve() {
    Journey j = Journey.start(engine, referrals,
        Journey.referral("POL-J-1", Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", REFERRAL));
    String caseRef = j.caseRef();
    assertThat(j.openTaskKeys()).containsExactly("Task_ScreenReferral");

    // 1 identification
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThat(j.task("Task_DecideVictimStatus")).isNotNull();
    clockAt(REFERRAL.plusDays(1));
    j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate", "2026-03-03");
    CaseFile file = cases.require(caseRef);
    assertThat(file.departureDeadline()).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(file.maxDeadline()).isEqualTo(LocalDate.of(2026, 7, 1));

    // 2-3 contact person, offer, decision
    j.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    assertThat(j.task("Task_InformAboutOffer").getAssignee()).isEqualTo(TestUsers.CMM_CASEWORKER);
    j.complete("Task_InformAboutOffer", "informedOn", "2026-03-03", "interpreterUsed", true, "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
    j.complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");

    // 4 return preparation, in parallel
    assertThat(j.openTaskKeys()).containsExactlyInAnyOrder("Task_ObtainTravelDocuments",
        "Task_ContributeToRiskAssessment", "Task_MeetBeforeDeparture");
    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_MeetBeforeDeparture")
        .taskCandidateGroup("partner-ng").processInstanceBusinessKey(caseRef).count()).isEqualTo(1);
    clockAt(LocalDate.of(2026, 3, 10));
    j.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-03-01", "accompanyingChildren", 0)
        .assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", "2026-03-25", "flightNumber", "SK 1234")
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NOT_NEEDED")
        .complete("Task_MeetBeforeDeparture", "partnerMeetingDate", "2026-03-09", "partnerMeetingForm", "VIDEO",
            "planDiscussed", true)
        .complete("Task_PrepareReintegrationPlan", "planAreas", Journey.json("[\"BUSINESS\",\"EDUCATION\"]"),
            "childSupport", true, "childrenInPlan", 1, "childBudgetDkk", 5000, "planBudgetDkk", 30000, "monthlyCashDkk", 1500)
        .complete("Task_PreparePersonForDeparture", "preparation", Journey.json("[\"COUNSELLING\",\"HEALTH\"]"));
    assertThat(j.openTaskKeys()).containsExactly("Task_ConfirmDeparture");

    // the preparation warning (deadline - 14 days) fires while waiting for the departure
    j.on(LocalDate.of(2026, 3, 25));
    j.complete("Task_ConfirmDeparture", "departureOutcome", "DEPARTED", "departureDate", "2026-03-25");

    // 5 travel and reception
    j.on(LocalDate.of(2026, 3, 26));
    j.complete("Task_ConfirmArrival", "arrivalDate", "2026-03-26", "accommodation", "FAMILY");
    assertThat(cases.require(caseRef).phase()).isEqualTo(CasePhase.REINTEGRATION);

    // 6 twelve months of support
    LocalDate arrival = LocalDate.of(2026, 3, 26);
    for (int month = 1; month <= 12; month++) {
      j.on(arrival.plusMonths(month - 1));
      if (month == 1) {
        j.complete("Task_RefineReintegrationPlan", "planAgreedOn", "2026-03-26", "refinedPlanAreas",
            Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
            "socialSituation", "3", "psychosocialSituation", "2");
      }
      if (month <= 6) {
        j.complete("Task_PayCashSupport", "cashAmount", 1500, "childSupportAmount", 300, "paidOn",
            arrival.plusMonths(month - 1).toString());
      } else {
        // each claim with its receipt, uploaded by the partner on the case page (one per receipt and month)
        Receipts receipts = new Receipts(documents, cases);
        j.complete("Task_SubmitReimbursementClaims", "claims", receipts.claims(caseRef,
            claims(month, "BUSINESS", 2000, "CHILD_SCHOOL_FEES", 450)));
        j.complete("Task_ReviewReimbursementClaims", "claims", receipts.claims(caseRef,
            claimsDecided(month, "BUSINESS", 2000, "APPROVED", "CHILD_SCHOOL_FEES", 450, "REJECTED")));
      }
      if (month == 3 || month == 6 || month == 9) {
        j.complete("Task_SubmitProgressReport", "economicSituation", "3", "socialSituation", "4",
            "psychosocialSituation", "3", "planProgress", "ON_TRACK");
      }
    }
    j.on(arrival.plusMonths(12));
    j.complete("Task_SubmitFinalReport", "economicSituation", "4", "socialSituation", "4", "psychosocialSituation",
        "4", "programmeResult", "SUSTAINABLE");
    j.complete("Task_EvaluateAndCloseCase", "evaluation", "SUCCESSFUL", "finalPaymentsSettled", true);

    // closed at month 12
    HistoryService history = engine.getHistoryService();
    assertThat(j.instanceIds()).isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(j.mainId())
        .activityId(PreparedReturnProcess.END_PROGRAMME_COMPLETED).count()).isEqualTo(1);
    CaseFile closed = cases.require(caseRef);
    assertThat(closed.outcome()).isEqualTo(CaseOutcome.COMPLETED);
    assertThat(closed.phase()).isEqualTo(CasePhase.CLOSED);
    assertThat(cases.phaseHistory(caseRef)).extracting(p -> p.phase()).containsExactly(CasePhase.REFERRAL,
        CasePhase.IDENTIFICATION, CasePhase.REFLECTION, CasePhase.PREPARATION, CasePhase.TRAVEL,
        CasePhase.REINTEGRATION, CasePhase.CLOSED);
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ? AND kind = 'CASH'").param(caseRef)
        .query(Long.class).single()).isEqualTo(12);
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ? AND kind = 'CLAIM' AND status = 'APPROVED'")
        .param(caseRef).query(Long.class).single()).isEqualTo(6);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseRef).count())
        .as("tasks worked in the whole journey: 15 before departure (the risk assessment's two), 25 after")
        .isEqualTo(40);
    // reintegration sustainability: rated 2/3/2 at arrival and 4/4/4 at month 12 (26 March 2027, Q1); the
    // statistics row keeps only the change and the quarter, and the managers' figures show it from k journeys on
    assertThat(jdbc.sql("SELECT rss_year, rss_quarter, rss_economic_change, rss_social_change,"
            + " rss_psychosocial_change FROM case_statistics s JOIN case_file f ON f.stats_id = s.stats_id"
            + " WHERE f.case_ref = ?").param(caseRef)
        .query((rs, n) -> java.util.List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .single()).containsExactly(2027, 1, 2, 1, 2);
    assertThat(reports.sustainabilityPerQuarter(1)).filteredOn(q -> q.year() == 2027 && q.quarter() == 1)
        .singleElement().satisfies(q -> {
          assertThat(q.journeys()).isPositive();
          assertThat(q.economic()).isNotNull();
        });
    assertThat(reports.sustainabilityPerQuarter(1000)).as("fewer than k journeys: no means").isNotEmpty()
        .allSatisfy(q -> assertThat(q.economic()).isNull());
  }

  /**
   * The law's way for an asylum seeker (issue 15): identified while the asylum case is pending, the
   * case starts suspended with no departure deadline; the refusal brings the first deadline and the
   * reflection period; the person declines (Udlændingestyrelsen is told), changes their mind before
   * the deadline and accepts with consent, returning to Lagos (the regional partner there has the case); the deadline is extended on the ground of cooperation
   * (the suspended days do not count towards the 120); the person leaves and arrives.
   */
  @Test
  void anAsylumSeekerFromSuspensionThroughADeclineChangedInTimeToArrival() {
    Journey j = Journey.start(engine, referrals,
        Journey.referral("POL-J-2", Referral.ResidenceStatus.ASYLUM_SEEKER, "NG", REFERRAL));
    String caseRef = j.caseRef();
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    clockAt(REFERRAL.plusDays(1));
    j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate", "2026-03-03");
    assertThat(j.openTaskKeys()).containsExactly("Task_RecordEndOfSuspension");
    assertThat(cases.require(caseRef).departureDeadline()).as("no deadline while the asylum case is pending").isNull();
    assertThat(cases.require(caseRef).phase()).isEqualTo(CasePhase.SUSPENDED);

    // the asylum case ends in a refusal on 1 June: 90 days suspended, none of the 120 used
    j.on(LocalDate.of(2026, 6, 1));
    j.complete("Task_RecordEndOfSuspension", "suspensionOutcome", "RETURN_RESUMES", "newDepartureDeadline",
        "2026-07-01");
    assertThat(cases.require(caseRef).maxDeadline()).isEqualTo(LocalDate.of(2026, 9, 29));
    j.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    j.complete("Task_InformAboutOffer", "informedOn", "2026-06-01", "informedVoluntary", true,
        "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);

    // declined on 2 June, accepted on 10 June
    j.on(LocalDate.of(2026, 6, 2));
    j.complete("Task_RecordDecision", "offerDecision", "DECLINED");
    assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE case_ref = ? AND kind = 'OFFER_DECLINED'")
        .param(caseRef).query(Long.class).single()).as("Udlændingestyrelsen told").isEqualTo(1);
    assertThat(j.openTaskKeys()).containsExactly("Task_ReconsiderDecline");
    j.on(LocalDate.of(2026, 6, 10));
    j.complete("Task_ReconsiderDecline", "changedDecision", "ACCEPTED", "offerConsent", true, "dataSharingConsent", true,
        "returnCountryChoice", "HOME_COUNTRY", "region", "NG_LAGOS");
    assertThat(cases.require(caseRef).consentDate()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(cases.require(caseRef).countryChosenOn()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(cases.require(caseRef).partnerGroup()).as("the person returns to Lagos: the regional partner")
        .isEqualTo("partner-ng-lagos");
    assertThat(j.openTaskKeys()).contains("Task_ObtainTravelDocuments", "Task_MeetBeforeDeparture");
    assertThat(engine.getTaskService().getIdentityLinksForTask(j.task("Task_MeetBeforeDeparture").getId()))
        .extracting(l -> l.getGroupId()).containsExactly("partner-ng-lagos");

    // extension on the ground of cooperation
    j.report(events, dk.preparedreturn.caseevents.CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    j.complete("Task_DecideOnExtension", "extensionDecision", "GRANTED", "extensionGround", "COOPERATION",
        "newDepartureDeadline", "2026-08-15");
    assertThat(cases.require(caseRef).departureDeadline()).isEqualTo(LocalDate.of(2026, 8, 15));
    assertThat(cases.require(caseRef).extensionGround()).isEqualTo("COOPERATION");

    // after the old deadline, the preparation goes on; departure 1 August, arrival the next day
    j.on(LocalDate.of(2026, 7, 20));
    assertThat(j.hasTask("Task_TakeOverAsOrdinaryReturn")).isFalse();
    j.prepared(LocalDate.of(2026, 8, 1)).departed(LocalDate.of(2026, 8, 1)).arrived(LocalDate.of(2026, 8, 2));
    CaseFile file = cases.require(caseRef);
    assertThat(file.departureDate()).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(file.arrivalDate()).isEqualTo(LocalDate.of(2026, 8, 2));
    assertThat(file.phase()).isEqualTo(CasePhase.REINTEGRATION);
    assertThat(file.outcome()).isNull();
  }

  /**
   * A person of 16 at the referral, travelling with a child of her own: the minors' safeguards
   * (representative, the partner's family assessment, best interests, reception) come before the risk
   * assessment; the child travels with documents and a ticket; the case record holds the minor flag
   * and the number of children, no variable a date of birth or a child's name.
   */
  @Test
  void aMinorWithAChildFromReferralToArrival() {
    Journey j = Journey.start(engine, referrals, new Referral("POL-J-MINOR", "politi",
        Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", REFERRAL,
        new dk.preparedreturn.casefile.PersonData("Fiktiv Ung", REFERRAL.minusYears(16), "NG", "FEMALE", "SEXUAL",
            true, 1, "en")));
    String caseRef = j.caseRef();
    assertThat(cases.require(caseRef).minor()).isTrue();
    j.identify(REFERRAL.plusDays(1)).acceptOffer();
    assertThat(j.openTaskKeys()).containsExactlyInAnyOrder("Task_ObtainTravelDocuments", "Task_RecordRepresentative",
        "Task_AssessFamily", "Task_MeetBeforeDeparture");

    j.on(LocalDate.of(2026, 3, 6));
    j.complete("Task_RecordRepresentative", "representativeAppointedOn", "2026-03-05", "representativeInformed", true)
        .complete("Task_AssessFamily", "familyVisitDate", "2026-03-06", "familyAssessment", "SUITABLE")
        .complete("Task_AssessBestInterests", "bestInterestOutcome", "RETURN_IN_BEST_INTERESTS",
            "representativeConsulted", true, "childHeard", true)
        .complete("Task_ArrangeChildReception", "childReception", "FAMILY_WITH_PARTNER", "childProtectionInformed",
            true, "schoolingArranged", true);
    j.on(LocalDate.of(2026, 3, 10));
    LocalDate flight = LocalDate.of(2026, 3, 25);
    j.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-03-01", "accompanyingChildren", 1, "childrenDocumentsObtained", true)
        .assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", flight.toString(), "flightNumber", "SK 1234",
            "childrenTicketsBooked", true)
        .complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\",\"ARRIVAL\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NEEDED")
        .complete("Task_ArrangeEscort", "escorts", 1, "escortArranged", true)
        .complete("Task_MeetBeforeDeparture", "partnerMeetingDate", "2026-03-09", "partnerMeetingForm", "VIDEO",
            "planDiscussed", true)
        .complete("Task_PrepareReintegrationPlan", "planAreas", Journey.json("[\"EDUCATION\"]"), "childSupport", true,
            "childrenInPlan", 1, "childBudgetDkk", 5000, "planBudgetDkk", 30000, "monthlyCashDkk", 1500)
        .complete("Task_PreparePersonForDeparture", "preparation", Journey.json("[\"COUNSELLING\"]"));
    j.departed(flight).arrived(flight.plusDays(1));

    CaseFile file = cases.require(caseRef);
    assertThat(file.accompanyingChildren()).isEqualTo(1);
    assertThat(file.returnSafety()).isEqualTo("SAFE");
    assertThat(file.phase()).isEqualTo(CasePhase.REINTEGRATION);
    for (var instance : engine.getHistoryService().createHistoricVariableInstanceQuery().list()) {
      if (caseRef.equals(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instance.getProcessInstanceId()).singleResult().getBusinessKey())) {
        assertThat(instance.getName()).as("no date of birth or minor flag in variables")
            .isNotIn("dateOfBirth", "minor", "childName");
        assertThat(String.valueOf(instance.getValue())).doesNotContain("Fiktiv");
      }
    }
  }

  static Object claims(int month, Object... categoryAmount) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < categoryAmount.length; i += 2) {
      json.append(i == 0 ? "" : ",").append("{\"category\":\"").append(categoryAmount[i]).append("\",\"amount\":")
          .append(categoryAmount[i + 1]).append(",\"receiptReference\":\"R-").append(month).append('-')
          .append(i / 2 + 1).append("\"}");
    }
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.append("]").toString()).create();
  }

  static Object claimsDecided(int month, Object... categoryAmountDecision) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < categoryAmountDecision.length; i += 3) {
      json.append(i == 0 ? "" : ",").append("{\"category\":\"").append(categoryAmountDecision[i])
          .append("\",\"amount\":").append(categoryAmountDecision[i + 1]).append(",\"receiptReference\":\"R-")
          .append(month).append('-').append(i / 3 + 1).append("\",\"decision\":\"").append(categoryAmountDecision[i + 2]).append("\"}");
    }
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.append("]").toString()).create();
  }
}
