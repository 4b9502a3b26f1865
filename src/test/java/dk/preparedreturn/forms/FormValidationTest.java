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
  /** Every point of the information ticked, and the other values. */
  static Object[] ALL_INFORMATION(Object... others) {
    Object[] all = java.util.Arrays.copyOf(new Object[] {"informedVoluntary", true, "informedNoPoliceCondition", true,
        "informedSupport", true, "informedDeadline", true}, 8 + others.length);
    System.arraycopy(others, 0, all, 8, others.length);
    return all;
  }

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
  void screeningWithIndicatorsNeedsTheConsent() {
    Journey j = newCase(REFERRAL);
    refused(j, "Task_ScreenReferral", "consentRecorded",
        "Personen har givet samtykke til, at oplysningerne videregives til den identificerende myndighed: skal være markeret", "screeningResult",
        "INDICATORS_FOUND");
    refused(j, "Task_ScreenReferral", "consentRecorded",
        "Personen har givet samtykke til, at oplysningerne videregives til den identificerende myndighed: skal være markeret", "screeningResult",
        "INDICATORS_FOUND", "consentRecorded", false);
    assertThat(j.hasTask("Task_DecideVictimStatus")).isFalse();
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    assertThat(j.hasTask("Task_DecideVictimStatus")).isTrue();
    // no indicators: the case ends, no consent is asked for
    Journey k = newCase(REFERRAL);
    k.complete("Task_ScreenReferral", "screeningResult", "NO_INDICATORS");
    assertThat(k.openTasks()).isEmpty();
  }

  @Test
  void theInformationAboutTheOffer() {
    Journey j = newCase(REFERRAL).identify(T0);
    j.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    clockAt(T0.plusDays(2));
    String inform = "Task_InformAboutOffer";
    // every point of the information is required, the deadline and the extension among them
    refused(j, inform, "informedDeadline",
        "udrejsefristen og muligheden for at søge forlængelse: skal være markeret", "informedVoluntary", true,
        "informedNoPoliceCondition", true, "informedSupport", true, "informedOn", "2026-05-06");
    refused(j, inform, "informedVoluntary", "at tilbuddet er frivilligt: skal være markeret", "informedVoluntary",
        false, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true, "informedOn",
        "2026-05-06");
    refused(j, inform, "informedOn", "Informeret den: må ikke ligge før 05.05.2026", ALL_INFORMATION("informedOn",
        "2026-05-04"));
    refused(j, inform, "informedOn", "Informeret den: må ikke ligge efter 07.05.2026", ALL_INFORMATION("informedOn",
        "2026-05-08"));
    refused(j, inform, "informedOn", "Informeret den: er ikke en dato (åååå-mm-dd)", ALL_INFORMATION("informedOn",
        "7. maj"));
    refused(j, inform, "interpreterUsed", "Der blev brugt tolk: skal være ja eller nej", ALL_INFORMATION("informedOn",
        "2026-05-06", "interpreterUsed", "måske"));
    j.complete(inform, ALL_INFORMATION("informedOn", "2026-05-06"));
    assertThat(j.hasTask("Task_RecordDecision")).isTrue();
  }

  @Test
  void theTravelDocumentsMustBeValidBeyondTheDepartureAndTheFlightNumberWellFormed() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    String documents = "Task_ObtainTravelDocuments";
    refused(j, documents, "travelDocuments", "Dokumenter fremskaffet: skal udfyldes", "documentsValidUntil",
        "2027-01-01", "accompanyingChildren", 0);
    refused(j, documents, "documentsValidUntil",
        "Dokumenterne er gyldige til: skal være gyldige efter udrejsefristen (04.06.2026)", "travelDocuments",
        json("[\"PASSPORT\"]"), "documentsValidUntil", "2026-06-04", "accompanyingChildren", 0);
    j.complete(documents, "travelDocuments", json("[\"PASSPORT\"]"), "documentsValidUntil", "2026-06-10",
        "accompanyingChildren", 0).assessedSafe();

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
        "2027-01-01", "accompanyingChildren", 0).assessedSafe().complete("Task_BookFlight", "plannedDepartureDate", "2026-05-28", "flightNumber", "SK 99");
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
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK): må højst være 100.000,00", "planAreas", areas,
        "planBudgetDkk", 100001, "monthlyCashDkk", 1500);
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK): højst 2 decimaler", "planAreas", areas, "planBudgetDkk",
        100.555, "monthlyCashDkk", 1500);
    refused(j, plan, "childrenInPlan", "Antal børn i planen: skal udfyldes", "planAreas", areas, "planBudgetDkk",
        20000, "monthlyCashDkk", 1500, "childSupport", true, "childBudgetDkk", 5000);
    refused(j, plan, "childBudgetDkk", "Budget til børn (DKK): må ikke være større end budgettet i alt (20.000,00)",
        "planAreas", areas, "planBudgetDkk", 20000, "monthlyCashDkk", 1500, "childSupport", true, "childrenInPlan", 2,
        "childBudgetDkk", 25000);
    refused(j, plan, "monthlyCashDkk", "Månedlig kontanthjælp (DKK): skal udfyldes", "planAreas", areas,
        "planBudgetDkk", 20000, "childSupport", false);
    j.complete(plan, "planAreas", areas, "planBudgetDkk", 20000, "monthlyCashDkk", 1500, "childSupport", false);

    j.assessedSafe();
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
    refused(j, cash, "cashAmount", "Cash support paid (DKK): is required", "cashAmount", "", "paidOn", "2026-06-01");
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
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"},"
            + "{\"category\":\"BUSINESS\",\"amount\":300,\"receiptReference\":\"B 2!\"}]"));
    refused(j, submit, "claims", "Claims, row 1: Amount (DKK): is required", "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"receiptReference\":\"A-1\"}]"));
    refused(j, submit, "claims", "Claims, row 1: Receipt document (D-…): is required", "claims",
        json("[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));
    j.complete(submit, "claims", receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));

    String review = "Task_ReviewReimbursementClaims";
    refused(j, review, "claims", "Krav, række 1: Afgørelse: skal udfyldes", "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));
    refused(j, review, "claims", "Krav, række 1: kategori, beløb og kvittering kan ikke ændres ved behandlingen", "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":9000,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"));
    refused(j, review, "claims", "Krav: der er behandlet 2 krav, men indsendt 1", "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"},"
            + "{\"category\":\"HEALTH\",\"amount\":100,\"receiptReference\":\"X-1\",\"decision\":\"APPROVED\"}]"));
    refused(j, review, "overBudgetReason", "Begrundelse for at godkende ud over budgettet: har en ugyldig værdi: BECAUSE",
        "claims", receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"),
        "overBudgetReason", "BECAUSE");
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ? AND kind = 'CLAIM'").param(j.caseRef())
        .query(Long.class).single()).as("nothing recorded").isZero();
    j.complete(review, "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"));
    assertThat(jdbc.sql("SELECT count(*) FROM case_payment WHERE case_ref = ? AND kind = 'CLAIM'").param(j.caseRef())
        .query(Long.class).single()).isEqualTo(1);
    assertThat(cases.ledger(j.caseRef()).orElseThrow().remaining()).as("the plan's 30,000 less the 900 approved")
        .isEqualByComparingTo("29100");
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

  static final String DANISH_AMOUNT_REFUSED =
      ": skriv beløbet med punktum mellem tusinder og komma før ører, fx 15.000,50";
  static final String ENGLISH_AMOUNT_REFUSED =
      ": write the amount with a comma between thousands and a point before the decimals, e.g. 15,000.50";

  /**
   * The plan's amounts are read in Danish notation exactly as typed, or refused: never a point read as
   * a decimal point or a comma dropped. The plan fixes the monthly cash support in the case record.
   */
  @Test
  void thePlansAmountsAreReadInDanishNotationOrRefused() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.complete("Task_MeetBeforeDeparture", "partnerMeetingDate", "2026-05-19", "partnerMeetingForm", "VIDEO",
        "planDiscussed", true);
    String plan = "Task_PrepareReintegrationPlan";
    Object areas = json("[\"BUSINESS\"]");
    // ambiguous or foreign notations: refused at the field, nothing kept
    for (String typed : new String[] {"15.00", "1,500", "1,500.00", "15.000.5", "1.5", "15 000", "15000,505", "-5",
        "15.000,50 kr", "1e4", "0x10"}) {
      refused(j, plan, "planBudgetDkk", "Budget i alt (DKK)" + DANISH_AMOUNT_REFUSED, "planAreas", areas,
          "planBudgetDkk", typed, "monthlyCashDkk", "1.500", "childSupport", false);
    }
    refused(j, plan, "monthlyCashDkk", "Månedlig kontanthjælp (DKK)" + DANISH_AMOUNT_REFUSED, "planAreas", areas,
        "planBudgetDkk", "15.000,50", "monthlyCashDkk", "1.500.00", "childSupport", false);
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK): må højst være 100.000,00", "planAreas", areas,
        "planBudgetDkk", "100.000,01", "monthlyCashDkk", "1.500", "childSupport", false);
    refused(j, plan, "planBudgetDkk", "Budget i alt (DKK)" + DANISH_AMOUNT_REFUSED, "planAreas", areas,
        "planBudgetDkk", true, "monthlyCashDkk", "1.500", "childSupport", false);
    assertThat(jdbc.sql("SELECT count(*) FROM case_plan WHERE case_ref = ?").param(j.caseRef()).query(Long.class)
        .single()).as("no plan recorded by a refused submission").isZero();

    String processInstance = j.task(plan).getProcessInstanceId();
    j.complete(plan, "planAreas", areas, "planBudgetDkk", "15.000,50", "monthlyCashDkk", "1.500", "childSupport", true,
        "childrenInPlan", 1, "childBudgetDkk", "2500,5");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstance)
        .variableName("planBudgetDkk").singleResult().getValue()).isEqualTo("15000.50");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstance)
        .variableName("childBudgetDkk").singleResult().getValue()).isEqualTo("2500.50");
    var stored = cases.plan(j.caseRef()).orElseThrow();
    assertThat(stored.budget()).isEqualByComparingTo("15000.50");
    assertThat(stored.childBudget()).isEqualByComparingTo("2500.50");
    assertThat(stored.monthlyCash()).isEqualByComparingTo("1500");
  }

  /**
   * The partner's payment form starts with the agreed monthly cash support in English notation; an
   * amount is read in English notation or refused; an amount other than the agreed one needs a reason.
   */
  @Test
  void theCashPaidIsTheAgreedAmountOrComesWithAReason() {
    Journey j = newCase(REFERRAL).identify(T0).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    j.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28)).arrived(LocalDate.of(2026, 5, 29));
    String cash = "Task_PayCashSupport";
    Task task = j.task(cash);
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "agreedCashAmount")).isEqualTo("1,500.00");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "cashAmount")).as("prefilled")
        .isEqualTo("1,500.00");
    for (String typed : new String[] {"1.500", "1,50", "1.500,00", "1,5000", "15,00.00", "1500.5.0"}) {
      refused(j, cash, "cashAmount", "Cash support paid (DKK)" + ENGLISH_AMOUNT_REFUSED, "cashAmount", typed,
          "paidOn", "2026-05-29");
    }
    refused(j, cash, "cashDifferenceReason",
        "Reason the amount differs from the agreed amount: required, as 1,200.50 DKK is not the agreed 1,500.00 DKK",
        "cashAmount", "1,200.50", "paidOn", "2026-05-29");
    refused(j, cash, "cashDifferenceReason", "Reason the amount differs from the agreed amount: has an invalid value: "
        + "BECAUSE", "cashAmount", "1,200.50", "cashDifferenceReason", "BECAUSE", "paidOn", "2026-05-29");
    // the amount as agreed: the reason field is not shown, so the partner's submission cannot fill it in
    engine.getTaskService().setAssignee(task.getId(), TestUsers.PARTNER_NG);
    asPartner(task.getId(), "cashDifferenceReason",
        "Reason the amount differs from the agreed amount: this field is not shown and cannot be filled in",
        "cashAmount", "1,500.00", "cashDifferenceReason", "ARREARS", "paidOn", "2026-05-29");
    asPartner(task.getId(), "cashAmount", "Cash support paid (DKK): must be text", "cashAmount", true, "paidOn",
        "2026-05-29");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "cashAmount")).isEqualTo("1,500.00");
    assertThat(engine.getTaskService().getVariable(task.getId(), "cashDifferenceReason")).isNull();
    assertThat(payments(j)).as("nothing paid by a refused submission").isEmpty();

    // an amount field left empty (child support) comes as "", as from Tasklist
    j.complete(cash, "cashAmount", "1,200.50", "cashDifferenceReason", "PART_OF_MONTH", "childSupportAmount", "",
        "paidOn", "2026-05-29");
    j.on(LocalDate.of(2026, 6, 29)).complete(cash, "cashAmount", "1,500.00", "paidOn", "2026-06-29");
    j.on(LocalDate.of(2026, 7, 29)).complete(cash, "cashAmount", "1500", "paidOn", "2026-07-29");
    assertThat(payments(j)).containsExactly("1200.50", "1500.00", "1500.00");
  }

  /** The partner (Nigeria) submits the task herself, as through Tasklist: refused naming the field. */
  private void asPartner(String taskId, String field, String message, Object... form) {
    engine.getIdentityService().setAuthentication(TestUsers.PARTNER_NG, java.util.List.of("partner-ng"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Journey.vars(form)))
          .isInstanceOf(InvalidFormInput.class).hasMessage(message)
          .satisfies(e -> assertThat(((InvalidFormInput) e).field()).isEqualTo(field));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
  }

  private java.util.List<String> payments(Journey j) {
    return jdbc.sql("SELECT amount FROM case_payment WHERE case_ref = ? AND kind = 'CASH' ORDER BY support_month")
        .param(j.caseRef()).query(java.math.BigDecimal.class).list().stream()
        .map(a -> a.setScale(2).toPlainString()).toList();
  }
}
