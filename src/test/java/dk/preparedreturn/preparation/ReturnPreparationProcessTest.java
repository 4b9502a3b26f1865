package dk.preparedreturn.preparation;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * {@code ReturnPreparation}: Hjemrejsestyrelsen, DRC with the partner, and CMM in parallel, then the
 * departure. T0 = 5 May 2026, departure deadline 4 June.
 */
class ReturnPreparationProcessTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  @Test
  void anEscortIsArrangedWhenNeeded() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0)
        .assessedSafe()
        .complete(PreparationProcess.TASK_BOOK_FLIGHT, "plannedDepartureDate", "2026-05-28", "flightNumber", "SK 99")
        .complete(PreparationProcess.TASK_ARRANGE_AIRPORT_ASSISTANCE, "airportAssistance",
            Journey.json("[\"DEPARTURE\"]"))
        .complete(PreparationProcess.TASK_DECIDE_ON_ESCORT, "escortDecision", "NEEDED");
    j.complete(PreparationProcess.TASK_ARRANGE_ESCORT, "escorts", 2, "escortArranged", true);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(PreparationProcess.TASK_ARRANGE_ESCORT).finished().count()).isEqualTo(1);
  }

  @Test
  void theFlightMustLeaveBeforeTheDeadline() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments", Journey.json("[\"PASSPORT\"]"),
        "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0).assessedSafe();
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_BOOK_FLIGHT, "plannedDepartureDate", "2026-06-05",
        "flightNumber", "SK 99")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Planlagt udrejsedato: må ikke ligge efter 04.06.2026");
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isNull();
  }

  @Test
  void withoutAnAgreementDrcFindsAPartnerAndTheWaitIsWarnedAbout() {
    Journey j = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "RO").identify(T0).acceptOffer();
    assertThat(j.openTaskKeys()).contains(PreparationProcess.TASK_FIND_LOCAL_PARTNER)
        .doesNotContain(PreparationProcess.TASK_MEET_BEFORE_DEPARTURE);
    assertThat(j.timer(PreparationProcess.BOUNDARY_PARTNER_SEARCH_SLOW).getDuedate().toInstant())
        .isEqualTo(LocalDateTime.of(2026, 5, 26, 8, 0).atZone(Journey.ZONE).toInstant());

    clockAt(LocalDateTime.of(2026, 5, 26, 8, 0));
    j.executeDueJobs();
    assertThat(notifications(j.caseRef())).contains("PARTNER_SEARCH_SLOW:da");
    assertThat(j.hasTask(PreparationProcess.TASK_FIND_LOCAL_PARTNER)).as("the search goes on").isTrue();

    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_FIND_LOCAL_PARTNER, "localPartner", "partner-ng"))
        .as("a partner of another country").isInstanceOf(InvalidFormInput.class)
        .hasMessageStartingWith("Partnergruppe: skal være en partner i sagens hjemrejseland (partner-ro");
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_FIND_LOCAL_PARTNER, "localPartner", "partner-ro-cluj"))
        .isInstanceOf(InvalidFormInput.class).hasMessageStartingWith("Partnergruppe: skal være en eksisterende");
    assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo("partner-ro");
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("partner-ro-cluj"));
    try {
      j.complete(PreparationProcess.TASK_FIND_LOCAL_PARTNER, "localPartner", "partner-ro-cluj");
      assertThat(cases.require(j.caseRef()).partnerGroup()).isEqualTo("partner-ro-cluj");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef())
          .taskDefinitionKey(PreparationProcess.TASK_MEET_BEFORE_DEPARTURE).taskCandidateGroup("partner-ro-cluj")
          .count()).isEqualTo(1);
    } finally {
      engine.getIdentityService().deleteGroup("partner-ro-cluj");
    }
  }

  @Test
  void theDepartureIsConfirmedWhenEverythingIsReady() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(LocalDate.of(2026, 5, 28));
    assertThat(j.openTaskKeys()).containsExactly(PreparationProcess.TASK_CONFIRM_DEPARTURE);
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.TRAVEL);
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_CONFIRM_DEPARTURE, "departureOutcome", "DEPARTED", "departureDate", "2026-05-28"))
        .as("not in the future").isInstanceOf(InvalidFormInput.class);
    j.departed(LocalDate.of(2026, 5, 28));
    assertThat(cases.require(j.caseRef()).departureDate()).isEqualTo(LocalDate.of(2026, 5, 28));
    assertThat(j.openTaskKeys()).containsExactly("Task_ConfirmArrival");
  }

  /**
   * The tasks that lead up to the flight are due the lead times of LeadTimes before it (escort 7 days,
   * the partner's meeting 5, airport assistance 3, preparing the person 2), or on the departure
   * deadline (4 June) while no flight is booked or when it comes first; they move when the flight is
   * booked, when it is rebooked, and when the deadline moves.
   */
  @Test
  void theTasksBeforeTheFlightAreDueBeforeTheFlightAndMoveWithIt() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    LocalDate deadline = LocalDate.of(2026, 6, 4);
    assertThat(due(j, PreparationProcess.TASK_MEET_BEFORE_DEPARTURE)).as("no flight yet").isEqualTo(deadline);

    clockAt(LocalDate.of(2026, 5, 12));
    j.assessedSafe();
    assertThat(due(j, PreparationProcess.TASK_PREPARE_PERSON)).as("after the risk assessment").isEqualTo(deadline);
    j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0)
        .complete(PreparationProcess.TASK_BOOK_FLIGHT, "plannedDepartureDate", "2026-05-25", "flightNumber", "SK 99");
    assertThat(due(j, PreparationProcess.TASK_MEET_BEFORE_DEPARTURE)).as("moved to the booked flight")
        .isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(due(j, PreparationProcess.TASK_PREPARE_PERSON)).isEqualTo(LocalDate.of(2026, 5, 23));
    assertThat(due(j, PreparationProcess.TASK_ARRANGE_AIRPORT_ASSISTANCE)).isEqualTo(LocalDate.of(2026, 5, 22));

    j.complete(PreparationProcess.TASK_ARRANGE_AIRPORT_ASSISTANCE, "airportAssistance", Journey.json("[\"DEPARTURE\"]"));
    assertThat(due(j, PreparationProcess.TASK_DECIDE_ON_ESCORT)).isEqualTo(LocalDate.of(2026, 5, 18));

    // a rebooking without a valid flight number is refused and changes nothing
    clockAt(LocalDate.of(2026, 5, 15));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> j.report(events,
            dk.preparedreturn.caseevents.CaseEvent.FLIGHT_REBOOKED, LocalDate.of(2026, 6, 2), "fly 12", "hjemrejsestyrelsen"))
        .isInstanceOf(dk.preparedreturn.process.InvalidFormInput.class)
        .hasMessage("Flynummeret skal skrives som på billetten, f.eks. SK 1234");
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isEqualTo(LocalDate.of(2026, 5, 25));
    assertThat(flightNumbers(j)).containsExactly("SK 99");

    // the flight is rebooked to 2 June on KL 1143: every date before it moves along
    j.report(events, dk.preparedreturn.caseevents.CaseEvent.FLIGHT_REBOOKED, LocalDate.of(2026, 6, 2), "KL 1143",
        "hjemrejsestyrelsen");
    j.executeDueJobs();
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isEqualTo(LocalDate.of(2026, 6, 2));
    assertThat(flightNumbers(j)).as("the preparation knows the new flight").containsExactly("KL 1143");
    assertThat(due(j, PreparationProcess.TASK_DECIDE_ON_ESCORT)).isEqualTo(LocalDate.of(2026, 5, 26));
    assertThat(due(j, PreparationProcess.TASK_MEET_BEFORE_DEPARTURE)).isEqualTo(LocalDate.of(2026, 5, 28));
    assertThat(due(j, PreparationProcess.TASK_PREPARE_PERSON)).as("2 days before, the deadline is later")
        .isEqualTo(LocalDate.of(2026, 5, 31));

    j.complete(PreparationProcess.TASK_DECIDE_ON_ESCORT, "escortDecision", "NEEDED");
    assertThat(due(j, PreparationProcess.TASK_ARRANGE_ESCORT)).isEqualTo(LocalDate.of(2026, 5, 26));
  }

  // ------------------------------------------------------------ risk and safety assessment before the return

  @Test
  void aReturnAssessedNotSafeStopsThePreparationAndTheCaseIsHandedOverAfterLegalAdvice() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    assertThat(j.openTaskKeys()).contains(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT)
        .doesNotContain(PreparationProcess.TASK_PREPARE_PERSON, PreparationProcess.TASK_BOOK_FLIGHT);
    clockAt(LocalDate.of(2026, 5, 12));
    j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments", Journey.json("[\"PASSPORT\"]"),
        "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0);
    assertThat(j.hasTask(PreparationProcess.TASK_BOOK_FLIGHT)).as("not before the risk assessment").isFalse();
    j.complete(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT, "familyInvolvementRisk", "HIGH",
        "fitnessToTravel", "FIT");
    clockAt(LocalDate.of(2026, 5, 14));
    j.complete(PreparationProcess.TASK_ASSESS_RETURN_SAFETY, "reTraffickingRisk", "MEDIUM", "retaliationRisk", "LOW",
        "cmmContributionConsidered", true);
    assertThat(cases.require(j.caseRef()).returnSafety()).isEqualTo("NOT_SAFE");
    assertThat(j.openTaskKeys()).as("the preparation stops: nothing is booked")
        .contains(PreparationProcess.TASK_RECORD_NOT_SAFE_FOLLOW_UP)
        .doesNotContain(PreparationProcess.TASK_BOOK_FLIGHT, PreparationProcess.TASK_PREPARE_PERSON);

    clockAt(LocalDate.of(2026, 5, 18));
    j.complete(PreparationProcess.TASK_RECORD_NOT_SAFE_FOLLOW_UP, "notSafeFollowUp", "LEGAL_ADVICE");
    assertThat(cases.require(j.caseRef()).notSafeFollowUp()).isEqualTo("LEGAL_ADVICE");
    assertThat(j.passed(PreparationProcess.END_RETURN_NOT_SAFE)).isEqualTo(1);
    assertThat(j.openTaskKeys()).as("the prepared return ends: Hjemrejsestyrelsen takes over")
        .containsExactly("Task_TakeOverAsOrdinaryReturn");
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isNull();
  }

  @Test
  void aReturnNotSafeWithAnAsylumApplicationSuspendsTheReturn() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 12));
    j.complete(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT, "familyInvolvementRisk", "LOW",
        "fitnessToTravel", "NOT_FIT");
    j.complete(PreparationProcess.TASK_ASSESS_RETURN_SAFETY, "reTraffickingRisk", "LOW", "retaliationRisk", "LOW",
        "cmmContributionConsidered", true);
    clockAt(LocalDate.of(2026, 5, 15));
    j.complete(PreparationProcess.TASK_RECORD_NOT_SAFE_FOLLOW_UP, "notSafeFollowUp", "ASYLUM_APPLICATION");
    assertThat(j.openTaskKeys()).containsExactly("Task_RecordEndOfSuspension");
    assertThat(cases.require(j.caseRef()).phase()).isEqualTo(CasePhase.SUSPENDED);
    assertThat(j.variable("suspensionDate")).isEqualTo("2026-05-15");
  }

  /** Attack: DRC's form with a rating outside the scale or without CMM's contribution is refused and nothing changes. */
  @Test
  void theRiskAssessmentCannotBeForgedThroughTheForm() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    j.complete(PreparationProcess.TASK_CONTRIBUTE_TO_RISK_ASSESSMENT, "familyInvolvementRisk", "LOW",
        "fitnessToTravel", "FIT");
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_ASSESS_RETURN_SAFETY, "reTraffickingRisk", "HIGH",
        "retaliationRisk", "LOW")).as("CMM's contribution not considered").isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_ASSESS_RETURN_SAFETY, "reTraffickingRisk", "NONE",
        "retaliationRisk", "LOW", "cmmContributionConsidered", true)).isInstanceOf(InvalidFormInput.class);
    assertThat(cases.require(j.caseRef()).returnSafety()).as("nothing changed").isNull();
    assertThat(j.hasTask(PreparationProcess.TASK_ASSESS_RETURN_SAFETY)).isTrue();

    j.complete(PreparationProcess.TASK_ASSESS_RETURN_SAFETY, "reTraffickingRisk", "HIGH", "retaliationRisk", "LOW",
        "cmmContributionConsidered", true);
    assertThat(cases.require(j.caseRef()).returnSafety()).isEqualTo("NOT_SAFE");
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_RECORD_NOT_SAFE_FOLLOW_UP, "notSafeFollowUp",
        "RETURN_ANYWAY")).isInstanceOf(InvalidFormInput.class);
    assertThat(cases.require(j.caseRef()).notSafeFollowUp()).isNull();
  }

  // ------------------------------------------------------------ accompanying children

  /** Attack and rule: a child without documents or without a ticket is refused and nothing is kept; with them it counts. */
  @Test
  void accompanyingChildrenTravelWithDocumentsAndTickets() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 12));
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments",
        Journey.json("[\"PASSPORT\"]"), "documentsValidUntil", "2027-01-01", "accompanyingChildren", 2,
        "childrenDocumentsObtained", false)).isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments",
        Journey.json("[\"PASSPORT\"]"), "documentsValidUntil", "2027-01-01", "accompanyingChildren", -1))
        .isInstanceOf(InvalidFormInput.class);
    assertThat(cases.require(j.caseRef()).accompanyingChildren()).as("nothing kept").isNull();
    j.complete(PreparationProcess.TASK_OBTAIN_TRAVEL_DOCUMENTS, "travelDocuments", Journey.json("[\"PASSPORT\"]"),
        "documentsValidUntil", "2027-01-01", "accompanyingChildren", 2, "childrenDocumentsObtained", true);
    assertThat(cases.require(j.caseRef()).accompanyingChildren()).isEqualTo(2);

    j.assessedSafe();
    assertThatThrownBy(() -> j.complete(PreparationProcess.TASK_BOOK_FLIGHT, "plannedDepartureDate", "2026-05-28",
        "flightNumber", "SK 99")).as("no tickets for the children").isInstanceOf(InvalidFormInput.class)
        .hasMessageContaining("billet");
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isNull();
    j.complete(PreparationProcess.TASK_BOOK_FLIGHT, "plannedDepartureDate", "2026-05-28", "flightNumber", "SK 99",
        "childrenTicketsBooked", true);
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isEqualTo(LocalDate.of(2026, 5, 28));
  }

  /** The flight number wherever a running process of the case holds one. */
  private java.util.List<Object> flightNumbers(Journey j) {
    String[] instances = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(j.caseRef()).list()
        .stream().map(i -> i.getId()).toArray(String[]::new);
    return engine.getRuntimeService().createVariableInstanceQuery().variableName("flightNumber").processInstanceIdIn(instances)
        .list().stream().map(v -> v.getValue()).toList();
  }

  private java.time.LocalDate due(Journey j, String taskKey) {
    return j.task(taskKey).getDueDate().toInstant().atZone(Journey.ZONE).toLocalDate();
  }
}
