package dk.preparedreturn.reintegration;

import static dk.preparedreturn.reintegration.ReintegrationProcess.END_MONTH_COMPLETED;
import static dk.preparedreturn.reintegration.ReintegrationProcess.GATEWAY_CLAIMS_DONE;
import static dk.preparedreturn.reintegration.ReintegrationProcess.RULE_PLAN_SUPPORT_MONTH;
import static dk.preparedreturn.reintegration.ReintegrationProcess.TASK_PAY_CASH_SUPPORT;
import static dk.preparedreturn.reintegration.ReintegrationProcess.TASK_REVIEW_CLAIMS;
import static dk.preparedreturn.reintegration.ReintegrationProcess.TASK_SUBMIT_CLAIMS;
import static dk.preparedreturn.reintegration.ReintegrationProcess.TASK_SUBMIT_PROGRESS_REPORT;
import static dk.preparedreturn.reintegration.ReintegrationProcess.TIMER_MONTH_BEGINS;
import static dk.preparedreturn.testsupport.Journey.ZONE;
import static dk.preparedreturn.testsupport.Journey.clockAt;
import static dk.preparedreturn.testsupport.Journey.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * {@code SupportMonth}, started directly the way {@code Reintegration} starts it at the arrival
 * (business key = case reference, the case's variables, {@code supportMonth} = n), one path per
 * kind of month of the decision table {@code SupportMonth}: cash (1, 2, 4, 5), cash and progress
 * report (3, 6), reimbursement with or without claims (7, 8, 10 …), reimbursement and progress
 * report (9). The arrival (R0) is Friday 29 May 2026; month n begins on R0 + n − 1 months at 08:00.
 * Lead times are those of the decision table {@code LeadTimes} (payment 7 days from the month's
 * start, claims review 10 days and reports 14 days from the month's end).
 */
class SupportMonthProcessTest extends ProcessTestBase {

  @org.springframework.beans.factory.annotation.Autowired
  dk.preparedreturn.casefile.CaseParticipation participation;

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate ARRIVAL = LocalDate.of(2026, 5, 29);

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  /** The month as the call activity starts it at the arrival: the case's variables and its number. */
  ProcessInstance monthStartedAtTheArrival(Journey j, int month) {
    return monthStartedAtTheArrival(j, month, false);
  }

  ProcessInstance monthStartedAtTheArrival(Journey j, int month, boolean children) {
    clockAt(ARRIVAL);
    // the offer accepted with consent, as on the way to an arrival: only then may the partner take part
    cases.recordAcceptance(j.caseRef(), "NG", null, null, null);
    Map<String, Object> leadTimes = new java.util.HashMap<>();
    engine.getDecisionService().evaluateDecisionByKey("LeadTimes")
        .variables(Journey.vars(CaseVariables.PERIOD_TYPE.name(), "REFLECTION")).evaluate().getResultList()
        .forEach(row -> leadTimes.put((String) row.get("leadTime"), row.get("days")));
    Map<String, Object> variables = Journey.vars(CaseVariables.CASE_REF.name(), j.caseRef(),
        CaseVariables.PARTNER_GROUP.name(), "partner-ng", CaseVariables.ARRIVAL_DATE.name(), ARRIVAL.toString(),
        CaseVariables.CHILD_SUPPORT.name(), children, ReintegrationProcess.SUPPORT_MONTH.name(), month);
    variables.putAll(leadTimes);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(
        ReintegrationProcess.SUPPORT_MONTH_KEY).businessKey(j.caseRef()).setVariables(variables).execute();
    assertThat(instance).isStarted().isWaitingAt(TIMER_MONTH_BEGINS);
    return instance;
  }

  /** The month's timer has not fired the day before nor at 07:59 on its first day, and fires at 08:00. */
  void monthBegins(Journey j, ProcessInstance month, LocalDate firstDay) {
    assertThat(j.timer(TIMER_MONTH_BEGINS).getDuedate()).isEqualTo(at(firstDay.atTime(8, 0)));
    j.on(firstDay.minusDays(1));
    assertThat(month).isWaitingAt(TIMER_MONTH_BEGINS);
    clockAt(firstDay.atTime(7, 59));
    j.executeDueJobs();
    assertThat(month).isWaitingAt(TIMER_MONTH_BEGINS).hasNotPassed(RULE_PLAN_SUPPORT_MONTH);
    clockAt(firstDay.atTime(8, 0));
    j.executeDueJobs();
    assertThat(month).hasPassed(TIMER_MONTH_BEGINS, RULE_PLAN_SUPPORT_MONTH);
  }

  List<String> payments(Journey j) {
    return jdbc.sql("SELECT support_month || ':' || kind || ':' || category || ':' || status FROM case_payment"
        + " WHERE case_ref = ? ORDER BY id").param(j.caseRef()).query(String.class).list();
  }

  void payCash(Journey j) {
    j.complete(TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "paidOn", Journey.today().toString());
  }

  void submitProgressReport(Journey j) {
    j.complete(TASK_SUBMIT_PROGRESS_REPORT, "economicSituation", "3", "socialSituation", "3",
        "psychosocialSituation", "3", "planProgress", "ON_TRACK");
  }

  @Test
  void aCashMonthPaysTheCashSupportAndEnds() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 2);
    monthBegins(j, month, LocalDate.of(2026, 6, 29));

    assertThat(month).isWaitingAt(TASK_PAY_CASH_SUPPORT);
    assertThat(task(TASK_PAY_CASH_SUPPORT, month)).hasCandidateGroup("partner-ng")
        .hasDueDate(at(LocalDateTime.of(2026, 7, 6, 23, 59)));
    payCash(j);

    assertThat(month).isEnded().hasPassed(TASK_PAY_CASH_SUPPORT, END_MONTH_COMPLETED)
        .hasNotPassed(TASK_SUBMIT_CLAIMS, TASK_SUBMIT_PROGRESS_REPORT);
    assertThat(payments(j)).containsExactly("2:CASH:DAILY_NEEDS:PAID");
  }

  @Test
  void aCashMonthWithAProgressReportEndsWithTheReport() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 3);
    monthBegins(j, month, LocalDate.of(2026, 7, 29));

    assertThat(task(TASK_PAY_CASH_SUPPORT, month)).hasCandidateGroup("partner-ng")
        .hasDueDate(at(LocalDateTime.of(2026, 8, 5, 23, 59)));
    payCash(j);
    assertThat(month).isWaitingAt(TASK_SUBMIT_PROGRESS_REPORT);
    assertThat(task(TASK_SUBMIT_PROGRESS_REPORT, month)).as("14 days after the month's end, 29 August")
        .hasCandidateGroup("partner-ng").hasDueDate(at(LocalDateTime.of(2026, 9, 12, 23, 59)));
    submitProgressReport(j);

    assertThat(month).isEnded().hasPassed(TASK_PAY_CASH_SUPPORT, TASK_SUBMIT_PROGRESS_REPORT, END_MONTH_COMPLETED)
        .hasNotPassed(TASK_SUBMIT_CLAIMS);
    assertThat(payments(j)).containsExactly("3:CASH:DAILY_NEEDS:PAID");
  }

  @Test
  void aReimbursementMonthWithClaimsIsReviewedByDrc() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 7);
    monthBegins(j, month, LocalDate.of(2026, 11, 29));

    assertThat(month).isWaitingAt(TASK_SUBMIT_CLAIMS).hasNotPassed(TASK_PAY_CASH_SUPPORT);
    assertThat(task(TASK_SUBMIT_CLAIMS, month)).as("by the month's end").hasCandidateGroup("partner-ng")
        .hasDueDate(at(LocalDateTime.of(2026, 12, 29, 23, 59)));
    j.complete(TASK_SUBMIT_CLAIMS, "claims",
        receipts().claims(j.caseRef(), "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\"}]"));

    assertThat(month).isWaitingAt(TASK_REVIEW_CLAIMS);
    assertThat(task(TASK_REVIEW_CLAIMS, month)).as("10 days after the month's end").hasCandidateGroup("drc")
        .hasDueDate(at(LocalDateTime.of(2027, 1, 8, 23, 59)));
    j.complete(TASK_REVIEW_CLAIMS, "claims", receipts().claims(j.caseRef(),
        "[{\"category\":\"HOUSING\",\"amount\":900,\"receiptReference\":\"A-1\",\"decision\":\"APPROVED\"}]"));

    assertThat(month).isEnded().hasPassed(TASK_SUBMIT_CLAIMS, TASK_REVIEW_CLAIMS, END_MONTH_COMPLETED)
        .hasNotPassed(TASK_PAY_CASH_SUPPORT, TASK_SUBMIT_PROGRESS_REPORT);
    assertThat(payments(j)).containsExactly("7:CLAIM:HOUSING:APPROVED");
  }

  @Test
  void aReimbursementMonthWithoutClaimsNeedsNoReview() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 8);
    monthBegins(j, month, LocalDate.of(2026, 12, 29));

    assertThat(month).isWaitingAt(TASK_SUBMIT_CLAIMS);
    assertThat(task(TASK_SUBMIT_CLAIMS, month)).hasCandidateGroup("partner-ng")
        .hasDueDate(at(LocalDateTime.of(2027, 1, 29, 23, 59)));
    j.complete(TASK_SUBMIT_CLAIMS, "claims", json("[]"));

    assertThat(month).isEnded().hasPassed(TASK_SUBMIT_CLAIMS, GATEWAY_CLAIMS_DONE, END_MONTH_COMPLETED)
        .hasNotPassed(TASK_REVIEW_CLAIMS, TASK_SUBMIT_PROGRESS_REPORT);
    assertThat(payments(j)).as("nothing claimed, nothing recorded").isEmpty();
  }

  @Test
  void aReimbursementMonthWithAProgressReportEndsWithTheReport() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 9);
    monthBegins(j, month, LocalDate.of(2027, 1, 29));

    assertThat(task(TASK_SUBMIT_CLAIMS, month)).as("month 9 ends on 28 February (29 May + 9 months)")
        .hasCandidateGroup("partner-ng").hasDueDate(at(LocalDateTime.of(2027, 2, 28, 23, 59)));
    j.complete(TASK_SUBMIT_CLAIMS, "claims", json("[]"));
    assertThat(month).isWaitingAt(TASK_SUBMIT_PROGRESS_REPORT).hasNotPassed(TASK_REVIEW_CLAIMS);
    assertThat(task(TASK_SUBMIT_PROGRESS_REPORT, month)).hasCandidateGroup("partner-ng")
        .hasDueDate(at(LocalDateTime.of(2027, 3, 14, 23, 59)));
    submitProgressReport(j);

    assertThat(month).isEnded().hasPassed(TASK_SUBMIT_CLAIMS, TASK_SUBMIT_PROGRESS_REPORT, END_MONTH_COMPLETED)
        .hasNotPassed(TASK_PAY_CASH_SUPPORT);
  }

  /**
   * A claim names the receipt the partner uploaded in the case (its reference, D-…): another case's
   * document, a document that is not a receipt and a receipt named twice are refused with nothing
   * recorded; the accepted receipt is marked as claimed in the month, shown to DRC in the review, and
   * cannot be changed there.
   */
  @Test
  void aClaimNamesTheReceiptThePartnerUploadedInTheCase() {
    Journey j = newCase(REFERRAL);
    ProcessInstance month = monthStartedAtTheArrival(j, 7);
    Journey other = newCase(REFERRAL);
    cases.recordAcceptance(other.caseRef(), "NG", null, null, null);
    participation.join(other.caseRef(), "partner-ng");
    monthBegins(j, month, LocalDate.of(2026, 11, 29));
    dk.preparedreturn.identity.Caller partner = new dk.preparedreturn.identity.Caller("ng-test", List.of("partner-ng"));
    String receipt = documents.upload(j.caseRef(), partner, "RECEIPT", "receipt.pdf", PDF).id();
    String plan = documents.upload(j.caseRef(), partner, "REINTEGRATION_PLAN", "plan.pdf", PDF).id();
    String foreign = documents.upload(other.caseRef(), partner, "RECEIPT", "receipt.pdf", PDF).id();

    for (String[] refused : new String[][] {{foreign, "is not a receipt uploaded in this case"},
        {plan, "is not a receipt uploaded in this case"}}) {
      assertThatThrownBy(() -> j.complete(TASK_SUBMIT_CLAIMS, "claims", json("[" + withDocument(
          claim("HOUSING", 900, "A-1", null), refused[0]) + "]")))
          .isInstanceOf(InvalidFormInput.class).hasMessageContaining(refused[1]);
    }
    assertThatThrownBy(() -> j.complete(TASK_SUBMIT_CLAIMS, "claims", json("[" + withDocument(
        claim("HOUSING", 900, "A-1", null), receipt) + "," + withDocument(claim("HEALTH", 100, "A-2", null), receipt)
        + "]"))).isInstanceOf(InvalidFormInput.class).hasMessageContaining("row 2: the receipt has already been used");
    assertThat(claimMonth(receipt)).as("nothing marked").isNull();

    j.complete(TASK_SUBMIT_CLAIMS, "claims", json("[" + withDocument(claim("HOUSING", 900, "A-1", null), receipt) + "]"));
    assertThat(claimMonth(receipt)).isEqualTo(7);
    assertThat(documents.receipts(j.caseRef(), List.of(receipt)))
        .containsEntry(receipt, dk.preparedreturn.documents.Documents.ReceiptState.ALREADY_CLAIMED);
    assertThatThrownBy(() -> j.complete(TASK_REVIEW_CLAIMS, "claims", json("[" + withDocument(
        claim("HOUSING", 900, "A-1", "APPROVED"), plan) + "]")))
        .isInstanceOf(InvalidFormInput.class).hasMessageContaining("kan ikke ændres");
    j.complete(TASK_REVIEW_CLAIMS, "claims", json("[" + withDocument(claim("HOUSING", 900, "A-1", "APPROVED"), receipt)
        + "]"));
    assertThat(month).isEnded();
    assertThat(payments(j)).containsExactly("7:CLAIM:HOUSING:APPROVED");
  }

  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static String withDocument(String claim, String document) {
    return claim.replace("}", ",\"receiptDocument\":\"" + document + "\"}");
  }

  Integer claimMonth(String document) {
    return jdbc.sql("SELECT claim_month FROM case_document WHERE id = ?").param(document)
        .query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
  }

  static String claim(String category, int amount, String receipt, String decision) {
    return "{\"category\":\"" + category + "\",\"amount\":" + amount + ",\"receiptReference\":\"" + receipt + "\""
        + (decision == null ? "" : ",\"decision\":\"" + decision + "\"") + "}";
  }

  /**
   * The ledger after a plan of DKK 5,000 (1,000 for children), a cash month (1,500 + 300 child support) and
   * a month of claims: approving beyond the remaining 3,200 is refused without DRC's reason, nothing is
   * recorded and the task stays open; with the reason the decisions are recorded with it.
   */
  @Test
  void claimsApprovedBeyondTheBudgetNeedDrcsReason() {
    Journey j = newCase(REFERRAL);
    cases.recordPlan(j.caseRef(), new dk.preparedreturn.casefile.ReintegrationPlan(new java.math.BigDecimal("5000"),
        new java.math.BigDecimal("1000"), new java.math.BigDecimal("1500")), "drc-1");
    var empty = cases.ledger(j.caseRef()).orElseThrow();
    assertThat(empty.remaining()).isEqualByComparingTo("5000");
    assertThat(empty.childRemaining()).isEqualByComparingTo("1000");

    ProcessInstance cashMonth = monthStartedAtTheArrival(j, 2, true);
    monthBegins(j, cashMonth, LocalDate.of(2026, 6, 29));
    j.complete(TASK_PAY_CASH_SUPPORT, "cashAmount", 1500, "childSupportAmount", 300,
        "paidOn", Journey.today().toString());
    assertThat(cashMonth).isEnded();

    ProcessInstance month = monthStartedAtTheArrival(j, 7, true);
    monthBegins(j, month, LocalDate.of(2026, 11, 29));
    j.complete(TASK_SUBMIT_CLAIMS, "claims", receipts().claims(j.caseRef(), "[" + claim("HOUSING", 2500, "A-1", null) + ","
        + claim("BUSINESS", 1000, "B-1", null) + "," + claim("HEALTH", 400, "H-1", null) + "]"));
    String decided = "[" + claim("HOUSING", 2500, "A-1", "APPROVED") + "," + claim("BUSINESS", 1000, "B-1", "APPROVED")
        + "," + claim("HEALTH", 400, "H-1", "REJECTED") + "]";
    String taskId = j.task(TASK_REVIEW_CLAIMS).getId();

    assertThatThrownBy(() -> j.complete(TASK_REVIEW_CLAIMS, "claims", receipts().claims(j.caseRef(), decided)))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Begrundelse for at godkende ud over budgettet: skal udfyldes, da de godkendte krav (3.500,00 kr.)"
            + " overstiger det resterende budget (3.200,00 kr.)")
        .satisfies(e -> assertThat(((InvalidFormInput) e).field()).isEqualTo("overBudgetReason"));
    assertThat(j.task(TASK_REVIEW_CLAIMS).getId()).as("the task stays open").isEqualTo(taskId);
    assertThat(payments(j)).as("nothing recorded").containsExactly("2:CASH:DAILY_NEEDS:PAID", "2:CASH:CHILD_SUPPORT:PAID");
    assertThat(cases.ledger(j.caseRef()).orElseThrow().remaining()).isEqualByComparingTo("3200");

    j.complete(TASK_REVIEW_CLAIMS, "claims", receipts().claims(j.caseRef(), decided), "overBudgetReason", "DOCUMENTED_NEED");
    assertThat(month).isEnded();
    assertThat(jdbc.sql("SELECT category || ':' || status || ':' || coalesce(over_budget_reason, '-') FROM case_payment"
        + " WHERE case_ref = ? AND kind = 'CLAIM' ORDER BY id").param(j.caseRef()).query(String.class).list())
        .containsExactly("HOUSING:APPROVED:DOCUMENTED_NEED", "BUSINESS:APPROVED:DOCUMENTED_NEED", "HEALTH:REJECTED:-");

    var ledger = cases.ledger(j.caseRef()).orElseThrow();
    assertThat(ledger.budget()).isEqualByComparingTo("5000");
    assertThat(ledger.childBudget()).isEqualByComparingTo("1000");
    assertThat(ledger.cashPaid()).isEqualByComparingTo("1800");
    assertThat(ledger.claimed()).isEqualByComparingTo("3900");
    assertThat(ledger.approved()).isEqualByComparingTo("3500");
    assertThat(ledger.rejected()).isEqualByComparingTo("400");
    assertThat(ledger.remaining()).as("5,000 - 1,800 - 3,500").isEqualByComparingTo("-300");
    assertThat(ledger.childRemaining()).as("1,000 - 300 child support").isEqualByComparingTo("700");
  }

  /** The children's claims against the children's share (1,000 less nothing paid): beyond it only with a reason. */
  @Test
  void childrensClaimsBeyondTheirShareNeedDrcsReason() {
    Journey j = newCase(REFERRAL);
    cases.recordPlan(j.caseRef(), new dk.preparedreturn.casefile.ReintegrationPlan(new java.math.BigDecimal("20000"),
        new java.math.BigDecimal("1000"), new java.math.BigDecimal("1500")), "drc-1");
    ProcessInstance month = monthStartedAtTheArrival(j, 7, true);
    monthBegins(j, month, LocalDate.of(2026, 11, 29));
    j.complete(TASK_SUBMIT_CLAIMS, "claims", receipts().claims(j.caseRef(), "[" + claim("CHILD_SCHOOL_FEES", 800, "S-1", null) + ","
        + claim("CHILD_PC", 400, "P-1", null) + "]"));
    String decided = "[" + claim("CHILD_SCHOOL_FEES", 800, "S-1", "APPROVED") + ","
        + claim("CHILD_PC", 400, "P-1", "APPROVED") + "]";

    assertThatThrownBy(() -> j.complete(TASK_REVIEW_CLAIMS, "claims", receipts().claims(j.caseRef(), decided)))
        .isInstanceOf(InvalidFormInput.class)
        .hasMessage("Begrundelse for at godkende ud over budgettet: skal udfyldes, da de godkendte krav til børn"
            + " (1.200,00 kr.) overstiger det resterende budget til børn (1.000,00 kr.)");
    assertThat(payments(j)).as("nothing recorded").isEmpty();

    j.complete(TASK_REVIEW_CLAIMS, "claims", receipts().claims(j.caseRef(), decided), "overBudgetReason", "PLAN_REVISED");
    assertThat(month).isEnded();
    assertThat(cases.ledger(j.caseRef()).orElseThrow().childRemaining()).isEqualByComparingTo("-200");
    assertThat(cases.ledger(j.caseRef()).orElseThrow().remaining()).isEqualByComparingTo("18800");
  }
}
