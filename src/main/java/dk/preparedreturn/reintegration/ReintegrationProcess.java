package dk.preparedreturn.reintegration;

import dk.preparedreturn.process.Variable;

/** Backing of {@code processes/phases/Reintegration.bpmn} and {@code processes/phases/SupportMonth.bpmn}. */
public final class ReintegrationProcess {

  public static final String KEY = "Reintegration";
  public static final String SUPPORT_MONTH_KEY = "SupportMonth";

  public static final String TASK_CONFIRM_ARRIVAL = "Task_ConfirmArrival";
  public static final String TASK_FOLLOW_UP_MISSING_ARRIVAL = "Task_FollowUpMissingArrival";
  public static final String TASK_REFINE_PLAN = "Task_RefineReintegrationPlan";
  public static final String CALL_MONTHLY_SUPPORT = "CallActivity_MonthlySupport";
  public static final String TASK_SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
  public static final String TASK_EVALUATE_AND_CLOSE = "Task_EvaluateAndCloseCase";
  public static final String BOUNDARY_ARRIVAL_NOT_CONFIRMED = "BoundaryEvent_ArrivalNotConfirmed";
  public static final String END_NOT_ARRIVED = "EndEvent_NotArrived";
  /** Contact lost after the arrival: starts the tracing while the support goes on. */
  public static final String MESSAGE_CONTACT_LOST = "ContactLost";
  public static final String CALL_TRACE_MISSING_PERSON = "CallActivity_TraceMissingPerson";
  public static final String CALL_TRACE_LOST_PERSON = "CallActivity_TraceLostPerson";
  public static final String END_CONTACT_RESTORED = "EndEvent_ContactRestored";
  public static final String END_CONTACT_LOST_FOR_GOOD = "EndEvent_ContactLostForGood";
  public static final String CALL_SAFEGUARDING = "CallActivity_Safeguarding";

  public static final String TIMER_MONTH_BEGINS = "TimerEvent_MonthBegins";
  public static final String TASK_PAY_CASH_SUPPORT = "Task_PayCashSupport";
  public static final String TASK_SUBMIT_CLAIMS = "Task_SubmitReimbursementClaims";
  public static final String TASK_REVIEW_CLAIMS = "Task_ReviewReimbursementClaims";
  public static final String TASK_SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";
  public static final String RULE_PLAN_SUPPORT_MONTH = "BusinessRuleTask_PlanSupportMonth";
  public static final String GATEWAY_CLAIMS_DONE = "Gateway_ClaimsDone";
  public static final String END_MONTH_COMPLETED = "EndEvent_MonthCompleted";

  public static final Variable<Integer> SUPPORT_MONTH = Variable.integer("supportMonth");
  public static final Variable<Boolean> CLAIMS_SUBMITTED = Variable.bool("claimsSubmitted");
  public static final Variable<String> ARRIVAL_FOLLOW_UP = Variable.string("arrivalFollowUp");
  public static final String PARTNER_REMINDED = "PARTNER_REMINDED";
  public static final String ARRIVAL_CONFIRMED = "ARRIVAL_CONFIRMED";
  /** Also the case's exit reason when the person did not arrive. */
  public static final String NOT_ARRIVED = "NOT_ARRIVED";
  public static final String CLAIMS = "claims";
  public static final String CASH_AMOUNT = "cashAmount";
  public static final String CHILD_SUPPORT_AMOUNT = "childSupportAmount";

  /** Claim categories; the CHILD_ ones only when the reintegration plan includes children. */
  public static final java.util.List<String> CLAIM_CATEGORIES = java.util.List.of("HOUSING", "BUSINESS", "EDUCATION",
      "HEALTH", "CHILD_SCHOOL_FEES", "CHILD_UNIFORM", "CHILD_PC");

  private ReintegrationProcess() {
  }
}
