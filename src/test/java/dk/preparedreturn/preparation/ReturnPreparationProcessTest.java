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
            "documentsValidUntil", "2027-01-01")
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
        "documentsValidUntil", "2027-01-01");
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
}
