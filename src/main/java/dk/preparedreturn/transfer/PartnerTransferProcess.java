package dk.preparedreturn.transfer;

import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import java.util.Set;

/** Backing of {@code processes/events/PartnerTransfer.bpmn}. */
public final class PartnerTransferProcess {

  public static final String KEY = "PartnerTransfer";

  public static final String TASK_HAND_OVER_CASE = "Task_HandOverCase";
  public static final String TIMER_HAND_OVER_OVERDUE = "BoundaryEvent_HandOverOverdue";
  public static final String END_CASE_TRANSFERRED = "EndEvent_CaseTransferred";

  /** The partner group the case goes to (one of the country of return's), set by the service at the start. */
  public static final Variable<String> NEW_PARTNER_GROUP = Variable.string("newPartnerGroup");
  /** The day DRC decided the transfer: the hand-over is due partnerHandOverDays (LeadTimes) after it. */
  public static final Variable<LocalDate> TRANSFER_DECIDED_ON = Variable.date("transferDecidedOn");
  public static final Variable<String> PERIOD_TYPE = Variable.string("periodType");

  public static final Variable<Set<HandOverItem>> HANDED_OVER = Variable.enumSet("handedOver", HandOverItem.class);
  public static final Variable<Boolean> PERSON_INFORMED = Variable.bool("personInformed");
  public static final Variable<LocalDate> HANDED_OVER_ON = Variable.date("handedOverOn");

  private PartnerTransferProcess() {
  }
}
