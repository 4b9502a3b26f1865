package dk.preparedreturn.forms;

import dk.preparedreturn.process.InvalidFormInput;
import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * Every constraint of every task form holds on the server too: a submission that bypasses the
 * form (engine REST API, Tasklist's API) and breaks one is refused naming the field, the task stays
 * open and nothing of the submission is kept. The constraints of the forms themselves (required,
 * options, numbers, decimals, patterns, dates, ticked checkboxes, rows of lists) are enforced for
 * every form; the rules between fields and case dates by the task's own listener. Referral on 4 May
 * 2026, identification (T0) on 5 May, departure deadline 4 June.
 */
class FormValidationTest extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);
  static final Object ALL_INFORMATION = json("[\"VOLUNTARY\",\"NO_POLICE_CONDITION\",\"SUPPORT\",\"DEADLINE\"]");

  static Object json(String value) {
    return SpinValues.jsonValue(value).create();
  }

  /** The submission is refused naming the field; the task stays open and the field keeps its value. */
  void refused(Journey j, String taskKey, String field, String message, Object... form) {
    Task task = j.task(taskKey);
    String before = Objects.toString(engine.getTaskService().getVariable(task.getId(), field));
    assertThatThrownBy(() -> j.complete(taskKey, form)).isInstanceOf(InvalidFormInput.class).hasMessage(message)
        .satisfies(e -> assertThat(((InvalidFormInput) e).field()).isEqualTo(field));
    assertThat(j.task(taskKey).getId()).as("the task stays open").isEqualTo(task.getId());
    assertThat(Objects.toString(engine.getTaskService().getVariable(task.getId(), field)))
        .as("nothing of the submission is kept").isEqualTo(before);
  }

  @Test
  void theInformationAboutTheOffer() {
    Journey j = newCase(REFERRAL).identify(T0);
    j.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    clockAt(T0.plusDays(2));
    String inform = "Task_InformAboutOffer";
    refused(j, inform, "informationGiven", "Personen er informeret om: skal udfyldes", "informedOn", "2026-05-06");
    refused(j, inform, "informationGiven", "Personen er informeret om: skal udfyldes", "informationGiven", json("[]"),
        "informedOn", "2026-05-06");
    refused(j, inform, "informationGiven", "Personen er informeret om: har en ugyldig værdi: PROMISES",
        "informationGiven", json("[\"VOLUNTARY\",\"PROMISES\"]"), "informedOn", "2026-05-06");
    refused(j, inform, "informedOn", "Informeret den: må ikke ligge før 05.05.2026", "informationGiven",
        ALL_INFORMATION, "informedOn", "2026-05-04");
    refused(j, inform, "informedOn", "Informeret den: må ikke ligge efter 07.05.2026", "informationGiven",
        ALL_INFORMATION, "informedOn", "2026-05-08");
    refused(j, inform, "informedOn", "Informeret den: er ikke en dato (åååå-mm-dd)", "informationGiven",
        ALL_INFORMATION, "informedOn", "7. maj");
    refused(j, inform, "interpreterUsed", "Der blev brugt tolk: skal være ja eller nej", "informationGiven",
        ALL_INFORMATION, "informedOn", "2026-05-06", "interpreterUsed", "måske");
    j.complete(inform, "informationGiven", ALL_INFORMATION, "informedOn", "2026-05-06");
    assertThat(j.hasTask("Task_RecordDecision")).isTrue();
  }

  @Test
  void theTravelDocumentsMustBeValidBeyondTheDepartureAndTheFlightNumberWellFormed() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    String documents = "Task_ObtainTravelDocuments";
    refused(j, documents, "travelDocuments", "Dokumenter fremskaffet: skal udfyldes", "documentsValidUntil",
        "2027-01-01");
    refused(j, documents, "documentsValidUntil",
        "Dokumenterne er gyldige til: skal være gyldige efter udrejsefristen (04.06.2026)", "travelDocuments",
        json("[\"PASSPORT\"]"), "documentsValidUntil", "2026-06-04");
    j.complete(documents, "travelDocuments", json("[\"PASSPORT\"]"), "documentsValidUntil", "2026-06-10");

    refused(j, "Task_BookFlight", "flightNumber", "Flynummer: har et ugyldigt format", "plannedDepartureDate",
        "2026-05-28", "flightNumber", "fly 12");
    j.report(events, CaseEvent.EXTENSION_REQUESTED, null, "cmm");
    j.complete("Task_DecideOnExtension", "extensionDecision", "GRANTED", "extensionGround", "COOPERATION", "newDepartureDeadline", "2026-06-20");
    refused(j, "Task_BookFlight", "plannedDepartureDate",
        "Planlagt udrejsedato: må ikke ligge efter 09.06.2026 (rejsedokumenterne er gyldige til 10.06.2026)",
        "plannedDepartureDate", "2026-06-15", "flightNumber", "SK 99");
    j.complete("Task_BookFlight", "plannedDepartureDate", "2026-06-09", "flightNumber", "SK 99");
    assertThatThrownBy(() -> j.report(events, CaseEvent.FLIGHT_REBOOKED, LocalDate.of(2026, 6, 12),
        "hjemrejsestyrelsen")).isInstanceOf(InvalidFormInput.class)
        .hasMessage("Den nye udrejsedato skal ligge før rejsedokumenternes udløb (10.06.2026)");
    assertThat(cases.require(j.caseRef()).plannedDepartureDate()).isEqualTo(LocalDate.of(2026, 6, 9));
  }

  @Test
  void airportAssistanceAndEscort() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.complete("Task_ObtainTravelDocuments", "travelDocuments", json("[\"PASSPORT\"]"), "documentsValidUntil",
        "2027-01-01").complete("Task_BookFlight", "plannedDepartureDate", "2026-05-28", "flightNumber", "SK 99");
    refused(j, "Task_ArrangeAirportAssistance", "airportAssistance", "Assistance arrangeret: skal udfyldes");
    j.complete("Task_ArrangeAirportAssistance", "airportAssistance", json("[\"DEPARTURE\"]"))
        .complete("Task_DecideOnEscort", "escortDecision", "NEEDED");
    refused(j, "Task_ArrangeEscort", "escorts", "Antal eskorter: skal være mindst 1", "escorts", 0,
        "escortArranged", true);
    refused(j, "Task_ArrangeEscort", "escorts", "Antal eskorter: må højst være 5", "escorts", 6,
        "escortArranged", true);
    refused(j, "Task_ArrangeEscort", "escorts", "Antal eskorter: skal være et helt tal", "escorts", 1.5,
        "escortArranged", true);
    refused(j, "Task_ArrangeEscort", "escorts", "Antal eskorter: er ikke et tal", "escorts", "to",
        "escortArranged", true);
    refused(j, "Task_ArrangeEscort", "escortArranged", "Eskorten er arrangeret: skal være markeret", "escorts", 1,
        "escortArranged", false);
    j.complete("Task_ArrangeEscort", "escorts", 1, "escortArranged", true);
  }

  @Test
  void theMeetingThePlanAndThePreparationOfThePerson() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    String meeting = "Task_MeetBeforeDeparture";
    refused(j, meeting, "partnerMeetingDate", "Date of the meeting: must not be after 20 May 2026",
        "partnerMeetingDate", "2026-05-21", "partnerMeetingForm", "VIDEO", "planDiscussed", true);
    refused(j, meeting, "partnerMeetingDate", "Date of the meeting: must not be before 5 May 2026",
        "partnerMeetingDate", "2026-05-04", "partnerMeetingForm", "VIDEO", "planDiscussed", true);
    refused(j, meeting, "partnerMeetingForm", "Form of the meeting: has an invalid value: EMAIL",
        "partnerMeetingDate", "2026-05-19", "partnerMeetingForm", "EMAIL", "planDiscussed", true);
    refused(j, meeting, "planDiscussed", "The reintegration plan was discussed: must be ticked",
        "partnerMeetingDate", "2026-05-19", "partnerMeetingForm", "VIDEO", "planDiscussed", false);
    j.complete(meeting, "partnerMeetingDate", "2026-05-19", "partnerMeetingForm", "VIDEO", "planDiscussed", true);

    String plan = "Task_PrepareReintegrationPlan";
    Object areas = json("[\"BUSINESS\",\"HOUSING\"]");
    refused(j, plan, "planAreas", "Planen omfatter: skal udfyldes", "planBudgetDkk", 20000);
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK): må højst være 100000", "planAreas", areas,
        "planBudgetDkk", 100001);
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK): højst 2 decimaler", "planAreas", areas, "planBudgetDkk",
        100.555);
    refused(j, plan, "childrenInPlan", "Antal børn i planen: skal udfyldes", "planAreas", areas, "planBudgetDkk",
        20000, "childSupport", true, "childBudgetDkk", 5000);
    refused(j, plan, "childBudgetDkk", "Budget til børn (DKK): må ikke være større end budgettet i alt (20000)",
        "planAreas", areas, "planBudgetDkk", 20000, "childSupport", true, "childrenInPlan", 2, "childBudgetDkk",
        25000);
    j.complete(plan, "planAreas", areas, "planBudgetDkk", 20000, "childSupport", false);

    refused(j, "Task_PreparePersonForDeparture", "preparation", "Gennemført: skal udfyldes");
    j.complete("Task_PreparePersonForDeparture", "preparation", json("[\"COUNSELLING\"]"));
  }

  @Test
  void receptionPlanRefinementCashAndReports() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28));
    j.on(LocalDate.of(2026, 5, 29));
    refused(j, "Task_ConfirmArrival", "accommodation", "Accommodation: is required", "arrivalDate", "2026-05-29");
    refused(j, "Task_ConfirmArrival", "accommodation", "Accommodation: has an invalid value: HOTEL", "arrivalDate",
        "2026-05-29", "accommodation", "HOTEL");
    j.complete("Task_ConfirmArrival", "arrivalDate", "2026-05-29", "accommodation", "FAMILY");
    j.executeDueJobs();

    clockAt(LocalDate.of(2026, 6, 2));
    String refine = "Task_RefineReintegrationPlan";
    Object areas = json("[\"BUSINESS\"]");
    refused(j, refine, "refinedPlanAreas", "The refined plan covers: is required", "planAgreedOn", "2026-06-01");
    refused(j, refine, "planAgreedOn", "Plan agreed on: must not be before 29 May 2026", "refinedPlanAreas", areas,
        "planAgreedOn", "2026-05-28", "economicSituation", "2", "socialSituation", "2", "psychosocialSituation", "2");
    refused(j, refine, "planAgreedOn", "Plan agreed on: must not be after 2 Jun 2026", "refinedPlanAreas", areas,
        "planAgreedOn", "2026-06-03", "economicSituation", "2", "socialSituation", "2", "psychosocialSituation", "2");
    // the sustainability ratings at arrival: on the form's scale, all three
    assertThatThrownBy(() -> j.complete(refine, "refinedPlanAreas", areas, "planAgreedOn", "2026-06-01",
        "economicSituation", "7", "socialSituation", "2", "psychosocialSituation", "2"))
        .isInstanceOf(InvalidFormInput.class);
    assertThatThrownBy(() -> j.complete(refine, "refinedPlanAreas", areas, "planAgreedOn", "2026-06-01",
        "economicSituation", "2", "socialSituation", "2")).isInstanceOf(InvalidFormInput.class);
    assertThat(jdbc.sql("SELECT count(*) FROM case_sustainability WHERE case_ref = ?").param(j.caseRef())
        .query(Long.class).single()).as("nothing kept").isZero();
    j.complete(refine, "refinedPlanAreas", areas, "planAgreedOn", "2026-06-01", "economicSituation", "2",
        "socialSituation", "3", "psychosocialSituation", "1");
    assertThat(jdbc.sql("SELECT economic, social, psychosocial FROM case_sustainability WHERE case_ref = ?"
        + " AND point = 'ARRIVAL'").param(j.caseRef()).query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single()).containsExactly(2, 3, 1);

    String cash = "Task_PayCashSupport";
    refused(j, cash, "cashAmount", "Cash support paid (DKK): is required", "paidOn", "2026-06-01");
    refused(j, cash, "paidOn", "Paid on: must not be before 29 May 2026", "cashAmount", 1500, "paidOn", "2026-05-28");
    refused(j, cash, "paidOn", "Paid on: must not be after 2 Jun 2026", "cashAmount", 1500, "paidOn", "2026-06-03");
    j.complete(cash, "cashAmount", 1500, "paidOn", "2026-06-01");

    j.on(LocalDate.of(2026, 6, 29)).complete(cash, "cashAmount", 1500, "paidOn", "2026-06-29");
    j.on(LocalDate.of(2026, 7, 29)).complete(cash, "cashAmount", 1500, "paidOn", "2026-07-29");
    refused(j, "Task_SubmitProgressReport", "economicSituation", "Economic situation: has an invalid value: 6",
        "economicSituation", "6", "socialSituation", "3", "psychosocialSituation", "3", "planProgress", "ON_TRACK");
    refused(j, "Task_SubmitProgressReport", "planProgress", "Progress of the reintegration plan: is required",
        "economicSituation", "3", "socialSituation", "3", "psychosocialSituation", "3");
  }

  @Test
  void reimbursementClaimsAndTheirReview() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28)).arrived(LocalDate.of(2026, 5, 29));
    j.on(LocalDate.of(2026, 11, 29));
    String submit = "Task_SubmitReimbursementClaims";
    refused(j, submit, "claims", "Claims, row 2: Receipt no.: has an invalid format", "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"},"
            + "{\"category\":\"BUSINESS\",\"amount\":300,\"receiptReference\":\"B 2!\"}]"));
    refused(j, submit, "claims", "Claims, row 1: Amount (DKK): is required", "claims",
        json("[{\"category\":\"HOUSING\",\"receiptReference\":\"A-1\"}]"));
    j.complete(submit, "claims", json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));

    String review = "Task_ReviewReimbursementClaims";
    refused(j, review, "claims", "Krav, række 1: Afgørelse: skal udfyldes", "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));
    refused(j, review, "claims", "Krav 1: kategori, beløb og kvittering kan ikke ændres ved behandlingen", "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":9000,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"));
    refused(j, review, "claims", "Krav: der er behandlet 2 krav, men indsendt 1", "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"},"
            + "{\"category\":\"HEALTH\",\"amount\":100,\"receiptReference\":\"X-1\",\"decision\":\"APPROVED\"}]"));
    j.complete(review, "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"));
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ? AND kind = 'CLAIM'").param(j.caseRef())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theEndOfTheProgramme() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    var reintegration = engine.getRuntimeService().createProcessInstanceByKey("Reintegration")
        .businessKey(j.caseRef()).setVariables(Journey.vars("caseRef", j.caseRef(), "partnerGroup", "partner-ng",
            "arrivalDate", "2026-05-29", "supportMonths", 12, "reportDays", 14, "claimReviewDays", 10))
        .startBeforeActivity("Task_SubmitFinalReport").execute();
    refused(j, "Task_SubmitFinalReport", "programmeResult", "Result of the reintegration: has an invalid value: GOOD",
        "economicSituation", "4", "socialSituation", "4", "psychosocialSituation", "4", "programmeResult", "GOOD");
    j.complete("Task_SubmitFinalReport", "economicSituation", "4", "socialSituation", "4", "psychosocialSituation",
        "4", "programmeResult", "SUSTAINABLE");
    refused(j, "Task_EvaluateAndCloseCase", "finalPaymentsSettled",
        "Alle udbetalinger og refusioner er afregnet: skal være markeret", "evaluation", "SUCCESSFUL",
        "finalPaymentsSettled", false);
    refused(j, "Task_EvaluateAndCloseCase", "evaluation", "Evaluering af forløbet: skal udfyldes",
        "finalPaymentsSettled", true);
    engine.getRuntimeService().deleteProcessInstance(reintegration.getId(), "test");
  }

  @Test
  void theHandOverAndTheClosureAfterADropOut() {
    Journey j = newCase(REFERRAL).identify(T0).informed();
    j.complete("Task_RecordDecision", "offerDecision", "DECLINED");
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "cmm");
    String takeOver = "Task_TakeOverAsOrdinaryReturn";
    refused(j, takeOver, "takenOver", "Sagen er overtaget: skal være markeret", "takenOver", false,
        "ordinaryReturnReference", "HJS-2026-1");
    refused(j, takeOver, "ordinaryReturnReference", "Hjemrejsestyrelsens sagsnummer: har et ugyldigt format",
        "takenOver", true, "ordinaryReturnReference", "HJS 2026 1");
    j.complete(takeOver, "takenOver", true, "ordinaryReturnReference", "HJS-2026-1");

    Journey k = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    k.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28)).arrived(LocalDate.of(2026, 5, 29));
    k.contactLostForGood(events, "drc");
    refused(k, "Task_CloseCaseAfterDropOut", "paymentsStopped",
        "Udbetalinger til personen er stoppet: skal være markeret", "paymentsStopped", false, "partnerInformed", true);
    k.complete("Task_CloseCaseAfterDropOut", "paymentsStopped", true, "partnerInformed", true);
  }
}
