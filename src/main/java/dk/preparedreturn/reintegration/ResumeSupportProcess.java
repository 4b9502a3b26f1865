package dk.preparedreturn.reintegration;

import dk.preparedreturn.process.Variable;
import java.time.LocalDate;

/** Backing of {@code processes/phases/ResumeSupport.bpmn}: the support resumed after a case closed for lost contact. */
public final class ResumeSupportProcess {

  public static final String KEY = "ResumeSupport";

  public static final String TASK_DECIDE_ON_RESUMPTION = "Task_DecideOnResumption";
  public static final String SERVICE_REOPEN_CASE = "ServiceTask_ReopenCase";
  public static final String CALL_REMAINING_SUPPORT = "CallActivity_RemainingSupport";
  public static final String END_NOT_RESUMED = "EndEvent_NotResumed";
  public static final String END_PROGRAMME_COMPLETED = "EndEvent_ProgrammeCompleted";

  public static final Variable<ResumptionDecision> RESUMPTION_DECISION =
      Variable.enumeration("resumptionDecision", ResumptionDecision.class);
  public static final Variable<LocalDate> CONTACT_RESTORED_ON = Variable.date("contactRestoredOn");
  /** The first support month that had not begun when the support resumed, and how many follow from it. */
  public static final Variable<Integer> FIRST_REMAINING_MONTH = Variable.integer("firstRemainingMonth");
  public static final Variable<Integer> REMAINING_MONTHS = Variable.integer("remainingMonths");

  private ResumeSupportProcess() {
  }
}
