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
  public static final Variable<ArrivalFollowUp> ARRIVAL_FOLLOW_UP =
      Variable.enumeration("arrivalFollowUp", ArrivalFollowUp.class);
  public static final Variable<Accommodation> ACCOMMODATION = Variable.enumeration("accommodation", Accommodation.class);
  public static final Variable<Evaluation> EVALUATION = Variable.enumeration("evaluation", Evaluation.class);
  public static final Variable<ProgrammeResult> PROGRAMME_RESULT =
      Variable.enumeration("programmeResult", ProgrammeResult.class);
  public static final Variable<PlanProgress> PLAN_PROGRESS = Variable.enumeration("planProgress", PlanProgress.class);
  /** The partner's ratings (1 poor to 5 good) in the progress and final reports. */
  public static final Variable<Integer> ECONOMIC_SITUATION = Variable.scale("economicSituation", 1, 5);
  public static final Variable<Integer> SOCIAL_SITUATION = Variable.scale("socialSituation", 1, 5);
  public static final Variable<Integer> PSYCHOSOCIAL_SITUATION = Variable.scale("psychosocialSituation", 1, 5);
  /** Fields of a row of {@link #CLAIMS}. */
  public static final Variable<ClaimCategory> CLAIM_CATEGORY = Variable.enumeration("category", ClaimCategory.class);
  public static final Variable<ClaimDecision> CLAIM_DECISION = Variable.enumeration("decision", ClaimDecision.class);
  public static final String CLAIMS = "claims";
  public static final String CASH_AMOUNT = "cashAmount";
  /** Why the cash paid differs from the plan's agreed monthly amount (required only then). */
  public static final Variable<CashDifferenceReason> CASH_DIFFERENCE_REASON =
      Variable.enumeration("cashDifferenceReason", CashDifferenceReason.class);
  public static final String CHILD_SUPPORT_AMOUNT = "childSupportAmount";
  /** Why DRC approves claims beyond the remaining budget or children's share (required only then). */
  public static final Variable<OverBudgetReason> OVER_BUDGET_REASON =
      Variable.enumeration("overBudgetReason", OverBudgetReason.class);


  private ReintegrationProcess() {
  }
}
