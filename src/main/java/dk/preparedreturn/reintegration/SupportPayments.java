package dk.preparedreturn.reintegration;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.ARRIVAL_DATE;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.CHILD_SUPPORT;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.Ledger;
import dk.preparedreturn.casefile.ReintegrationPlan;
import dk.preparedreturn.documents.Documents;
import dk.preparedreturn.forms.Amounts;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.forms.FormInput;
import dk.preparedreturn.forms.FormInputs;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Monthly support: cash paid by the partner, reimbursement claims submitted by the partner and
 * decided by DRC. Checks the submitted amounts and categories and writes what was paid or decided to
 * the case record (amounts and categories only, no free text).
 */
@Component
class SupportPayments {

  static final BigDecimal MAX_AMOUNT_DKK = new BigDecimal("100000");
  static final String CURRENCY = "DKK";

  /** The claims as submitted, kept in the month so that the review cannot change them (JSON). */
  static final String SUBMITTED_CLAIMS = "submittedClaims";
  static final Variable<java.time.LocalDate> PAID_ON = Variable.date("paidOn");
  /** The plan's monthly cash support as the partner reads it (1,500.00), shown in the payment form. */
  static final String AGREED_CASH_AMOUNT = "agreedCashAmount";

  private final CaseService cases;
  private final DeadlineCalendar deadlines;
  private final Documents documents;

  private final FormInputs inputs;

  SupportPayments(FormInputs inputs, CaseService cases, DeadlineCalendar deadlines, Documents documents) {
    this.inputs = inputs;
    this.documents = documents;
    this.cases = cases;
    this.deadlines = deadlines;
  }

  /**
   * The payment task shows the cash support the reintegration plan agreed (case record) and starts with
   * it as the amount paid, both in the partner's notation (1,500.00); task-local, gone with the task.
   */
  void prefillCash(DelegateTask task) {
    cases.plan(CaseScope.requireCaseRef(task)).map(ReintegrationPlan::monthlyCash).ifPresent(agreed -> {
      String text = Amounts.format(agreed, Audience.ENGLISH);
      task.setVariableLocal(AGREED_CASH_AMOUNT, text);
      task.setVariableLocal(ReintegrationProcess.CASH_AMOUNT, text);
    });
  }

  /**
   * Cash of the month, paid from the month's first day to today; an amount other than the plan's
   * agreed monthly cash support needs a reason.
   */
  void recordCash(DelegateTask task) {
    LocalDate monthStart = ARRIVAL_DATE.require(task)
        .plusMonths(ReintegrationProcess.SUPPORT_MONTH.require(task) - 1L);
    FormInput input = inputs.of(task);
    input.requireDateBetween(PAID_ON, monthStart, deadlines.today());
    BigDecimal cash = amount(task, input, ReintegrationProcess.CASH_AMOUNT, true);
    BigDecimal child = amount(task, input, ReintegrationProcess.CHILD_SUPPORT_AMOUNT, false);
    if (child != null && child.signum() > 0 && !Boolean.TRUE.equals(CHILD_SUPPORT.get(task))) {
      throw input.brokenRule(ReintegrationProcess.CHILD_SUPPORT_AMOUNT, "childSupportWithoutChildren");
    }
    BigDecimal agreed = cases.plan(CaseScope.requireCaseRef(task)).map(ReintegrationPlan::monthlyCash).orElse(null);
    if (agreed != null && cash.compareTo(agreed) != 0
        && task.getVariable(ReintegrationProcess.CASH_DIFFERENCE_REASON.name()) == null) {
      throw input.brokenRule(ReintegrationProcess.CASH_DIFFERENCE_REASON, "cashDiffersFromAgreed",
          Amounts.format(cash, Audience.ENGLISH),
          Amounts.format(agreed, Audience.ENGLISH));
    }
    record(task, "CASH", "DAILY_NEEDS", cash, "PAID");
    if (child != null && child.signum() > 0) {
      record(task, "CASH", "CHILD_SUPPORT", child, "PAID");
    }
  }

  /** Checks the claims; returns how many were submitted. */
  int validateClaims(DelegateTask task) {
    FormInput input = inputs.of(task);
    List<Claim> claims = claims(task, input);
    boolean children = Boolean.TRUE.equals(CHILD_SUPPORT.get(task));
    for (Claim claim : claims) {
      if (java.util.Arrays.stream(ClaimCategory.values()).noneMatch(c -> c.name().equals(claim.category()))) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimUnknownCategory", claim.row());
      }
      if (claim.category().startsWith("CHILD_") && !children) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimChildWithoutChildren", claim.row());
      }
      if (!withinRange(claim.amount())) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimAmountRange", claim.row(), MAX_AMOUNT_DKK);
      }
    }
    linkReceipts(task, input, claims);
    task.getExecution().setVariable(SUBMITTED_CLAIMS, String.valueOf(task.getVariable(ReintegrationProcess.CLAIMS)));
    return claims.size();
  }

  /**
   * The receipt documents of the claims: each a receipt uploaded in this case (the partner's own
   * upload on the case page or through the API), not claimed before and named once; then marked as
   * claimed in this month, so that no receipt pays twice. Another case's document is "not a receipt of
   * this case", the same as one that does not exist. The form requires a receipt in every line; a month
   * without claims costs no database round trip here.
   */
  private void linkReceipts(DelegateTask task, FormInput input, List<Claim> claims) {
    List<String> ids = claims.stream().map(Claim::receiptDocument).filter(java.util.Objects::nonNull).toList();
    if (ids.isEmpty()) {
      return;
    }
    String caseRef = CaseScope.requireCaseRef(task);
    java.util.Map<String, Documents.ReceiptState> states = documents.receipts(caseRef, ids);
    java.util.Set<String> named = new java.util.HashSet<>();
    for (Claim claim : claims) {
      String id = claim.receiptDocument();
      if (id == null) {
        continue;
      }
      Documents.ReceiptState state = states.get(id);
      if (state == Documents.ReceiptState.NOT_A_RECEIPT_OF_THE_CASE) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimReceiptUnknown", claim.row());
      }
      if (state == Documents.ReceiptState.ALREADY_CLAIMED || !named.add(id)) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimReceiptUsed", claim.row());
      }
    }
    documents.claim(caseRef, ReintegrationProcess.SUPPORT_MONTH.require(task), ids);
  }

  /** DRC decides each claim as submitted: the category, amount and receipt of a claim are not DRC's to change. */
  void recordClaimDecisions(DelegateTask task) {
    FormInput input = inputs.of(task);
    List<Claim> reviewed = claims(task, input);
    Object submittedJson = task.getVariable(SUBMITTED_CLAIMS);
    if (submittedJson != null) {
      List<Claim> submitted = claims(org.camunda.spin.Spin.JSON(submittedJson.toString()), input);
      if (submitted.size() != reviewed.size()) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimsReviewedCount", reviewed.size(), submitted.size());
      }
      for (int i = 0; i < submitted.size(); i++) {
        if (!submitted.get(i).sameAs(reviewed.get(i))) {
          throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimChanged", i + 1);
        }
      }
    }
    for (Claim claim : reviewed) {
      if (!"APPROVED".equals(claim.decision()) && !"REJECTED".equals(claim.decision())) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimDecision", claim.row());
      }
    }
    String caseRef = CaseScope.requireCaseRef(task);
    OverBudgetReason reason = ReintegrationProcess.OVER_BUDGET_REASON.get(task);
    boolean overBudget = overBudget(input, reviewed, cases.ledger(caseRef).orElse(null), reason != null);
    for (Claim claim : reviewed) {
      boolean approved = "APPROVED".equals(claim.decision());
      cases.recordClaimDecision(caseRef, ReintegrationProcess.SUPPORT_MONTH.require(task), claim.category(),
          claim.amount(), CURRENCY, claim.decision(), approved && overBudget ? reason.name() : null,
          task.getAssignee() == null ? "unknown" : task.getAssignee());
    }
  }

  /**
   * Whether the approved claims go beyond what is left of the plan's budget (the budget less the cash
   * paid and the claims approved before) or, for the children's claims, of the children's share; that
   * needs DRC's reason, else the review is refused before anything is recorded. No plan, no check.
   */
  private static boolean overBudget(FormInput input, List<Claim> reviewed, Ledger ledger, boolean reasonGiven) {
    if (ledger == null) {
      return false;
    }
    BigDecimal approved = BigDecimal.ZERO;
    BigDecimal childApproved = BigDecimal.ZERO;
    for (Claim claim : reviewed) {
      if ("APPROVED".equals(claim.decision())) {
        approved = approved.add(claim.amount());
        if (Ledger.childCategory(claim.category())) {
          childApproved = childApproved.add(claim.amount());
        }
      }
    }
    if (approved.signum() > 0 && approved.compareTo(ledger.remaining()) > 0) {
      if (!reasonGiven) {
        throw input.brokenRule(ReintegrationProcess.OVER_BUDGET_REASON, "claimsOverBudget",
            Amounts.format(approved, Audience.DANISH), Amounts.format(ledger.remaining(), Audience.DANISH));
      }
      return true;
    }
    BigDecimal childRemaining = ledger.childRemaining();
    if (childRemaining != null && childApproved.signum() > 0 && childApproved.compareTo(childRemaining) > 0) {
      if (!reasonGiven) {
        throw input.brokenRule(ReintegrationProcess.OVER_BUDGET_REASON, "childClaimsOverShare",
            Amounts.format(childApproved, Audience.DANISH), Amounts.format(childRemaining, Audience.DANISH));
      }
      return true;
    }
    return false;
  }

  private void record(DelegateTask task, String kind, String category, BigDecimal amount, String status) {
    cases.recordPayment(CaseScope.requireCaseRef(task), ReintegrationProcess.SUPPORT_MONTH.require(task), kind, category,
        amount, CURRENCY, status, task.getAssignee() == null ? "unknown" : task.getAssignee());
  }

  record Claim(int row, String category, BigDecimal amount, String receipt, String receiptDocument, String decision) {

    boolean sameAs(Claim other) {
      return java.util.Objects.equals(category, other.category) && java.util.Objects.equals(receipt, other.receipt)
          && java.util.Objects.equals(receiptDocument, other.receiptDocument)
          && (amount == null ? other.amount == null : other.amount != null && amount.compareTo(other.amount) == 0);
    }
  }

  private static List<Claim> claims(DelegateTask task, FormInput input) {
    Object value = task.getVariable(ReintegrationProcess.CLAIMS);
    if (value == null) {
      return new ArrayList<>();
    }
    return claims(value instanceof SpinJsonNode node ? node : org.camunda.spin.Spin.JSON(value.toString()), input);
  }

  private static List<Claim> claims(SpinJsonNode list, FormInput input) {
    List<Claim> claims = new ArrayList<>();
    if (!list.isArray()) {
      throw input.refused(ReintegrationProcess.CLAIMS, "list");
    }
    int row = 0;
    for (SpinJsonNode item : list.elements()) {
      row++;
      String category = text(item, "category");
      BigDecimal amount;
      try {
        amount = item.hasProp("amount") && !item.prop("amount").isNull()
            ? new BigDecimal(item.prop("amount").value().toString()) : null;
      } catch (NumberFormatException e) {
        throw input.brokenRule(ReintegrationProcess.CLAIMS, "claimAmountNotANumber", row);
      }
      String document = text(item, "receiptDocument");
      claims.add(new Claim(row, category, amount, text(item, "receiptReference"),
          document == null || document.isBlank() ? null : document, text(item, "decision")));
    }
    return claims;
  }

  private static String text(SpinJsonNode item, String name) {
    return item.hasProp(name) && !item.prop(name).isNull() ? item.prop(name).value().toString() : null;
  }

  private static BigDecimal amount(DelegateTask task, FormInput input, String name, boolean required) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) { // an amount field left empty submits ""
      if (required) {
        throw input.refused(name, "required");
      }
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw input.refused(name, "number");
    }
    if (!withinRange(amount)) {
      throw input.brokenRule(name, "amountRange", MAX_AMOUNT_DKK);
    }
    return amount;
  }

  private static boolean withinRange(BigDecimal amount) {
    return amount != null && amount.signum() >= 0 && amount.compareTo(MAX_AMOUNT_DKK) <= 0 && amount.scale() <= 2;
  }
}
