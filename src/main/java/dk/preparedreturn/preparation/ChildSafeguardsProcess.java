package dk.preparedreturn.preparation;

import dk.preparedreturn.process.Variable;
import java.time.LocalDate;

/**
 * Backing of {@code processes/phases/ChildSafeguards.bpmn}: the steps for a person who was a minor
 * (under 18) at the referral, called from ReturnPreparation before the flight is booked: a personal
 * representative appointed (CMM records it), the partner's assessment of the family in the country of
 * return, CMM's best-interest assessment with the representative, and the partner's arrangements for
 * the child's reception. No child's name or details in variables: ratings and dates only.
 */
public final class ChildSafeguardsProcess {

  public static final String KEY = "ChildSafeguards";

  public static final String TASK_RECORD_REPRESENTATIVE = "Task_RecordRepresentative";
  public static final String TASK_ASSESS_FAMILY = "Task_AssessFamily";
  public static final String TASK_ASSESS_BEST_INTERESTS = "Task_AssessBestInterests";
  public static final String TASK_ARRANGE_CHILD_RECEPTION = "Task_ArrangeChildReception";
  public static final String END_SAFEGUARDS_IN_PLACE = "EndEvent_ChildSafeguardsInPlace";
  public static final String END_NOT_IN_BEST_INTERESTS = "EndEvent_NotInBestInterests";

  public static final Variable<LocalDate> REPRESENTATIVE_APPOINTED_ON = Variable.date("representativeAppointedOn");
  public static final Variable<FamilyAssessment> FAMILY_ASSESSMENT =
      Variable.enumeration("familyAssessment", FamilyAssessment.class);
  public static final Variable<LocalDate> FAMILY_VISIT_DATE = Variable.date("familyVisitDate");
  public static final Variable<BestInterestOutcome> BEST_INTEREST_OUTCOME =
      Variable.enumeration("bestInterestOutcome", BestInterestOutcome.class);
  public static final Variable<ChildReception> CHILD_RECEPTION = Variable.enumeration("childReception", ChildReception.class);

  private ChildSafeguardsProcess() {
  }
}
