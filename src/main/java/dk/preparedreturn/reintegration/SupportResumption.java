package dk.preparedreturn.reintegration;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseOutcome;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.DeadlineCalendar;
import dk.preparedreturn.process.Workflow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A person gets back in touch after the case closed because contact was lost (the partner's tracing
 * failed), within the support period: {@link #resumable} says whether the case may be reopened,
 * {@link #start} starts "Genoptaget støtte" ({@code ResumeSupport.bpmn}) with what the support
 * months need, and, as "Genåbn sagen" ({@code ${reopenCase}}), it reopens the case once DRC decided
 * to resume and names the months that follow: those that had not begun that day.
 */
@Component("reopenCase")
public class SupportResumption implements JavaDelegate {

  /** What the support months and the final steps read, as the reintegration had them. */
  static final List<String> CARRIED = List.of("childSupport", "paymentDays", "claimReviewDays", "reportDays",
      "supportMonths");

  private final CaseService cases;
  private final Workflow workflow;
  private final DeadlineCalendar deadlines;

  SupportResumption(CaseService cases, Workflow workflow, DeadlineCalendar deadlines) {
    this.cases = cases;
    this.workflow = workflow;
    this.deadlines = deadlines;
  }

  /**
   * Whether the case closed because contact was lost after the arrival and its support period has
   * not ended; the support period's end when it may be resumed.
   */
  public Optional<LocalDate> resumable(CaseFile file, LocalDate today) {
    if (!file.closed() || file.outcome() != CaseOutcome.DROPPED_OUT || file.arrivalDate() == null
        || !"CONTACT_LOST".equals(file.exitReason())) {
      return Optional.empty();
    }
    Object months = workflow.latestValues(file.caseRef(), List.of("supportMonths")).get("supportMonths");
    if (!(months instanceof Number number)) {
      return Optional.empty();
    }
    LocalDate end = file.arrivalDate().plusMonths(number.intValue());
    return today.isBefore(end) ? Optional.of(end) : Optional.empty();
  }

  /** Starts "Genoptaget støtte" for the case; DRC decides first. */
  public void start(String caseRef, LocalDate contactRestoredOn) {
    CaseFile file = cases.require(caseRef);
    Map<String, Object> values = new HashMap<>(workflow.latestValues(caseRef, CARRIED));
    values.put(CaseVariables.CASE_REF.name(), caseRef);
    values.put(CaseVariables.PARTNER_GROUP.name(), file.partnerGroup());
    values.put(CaseVariables.ARRIVAL_DATE.name(), CaseVariables.ARRIVAL_DATE.stored(file.arrivalDate()));
    values.put(ResumeSupportProcess.CONTACT_RESTORED_ON.name(),
        ResumeSupportProcess.CONTACT_RESTORED_ON.stored(contactRestoredOn));
    // DRC's decision is due when the next month begins (the reopening counts again on its day)
    values.put(ResumeSupportProcess.FIRST_REMAINING_MONTH.name(), firstNotBegun(file.arrivalDate(),
        ((Number) values.get("supportMonths")).intValue(), deadlines.today()));
    workflow.startForCase(ResumeSupportProcess.KEY, caseRef, values);
  }

  /** "Genåbn sagen": the case is open again; the months that had not begun today follow. */
  @Override
  public void execute(DelegateExecution execution) {
    String caseRef = CaseScope.requireCaseRef(execution);
    CaseFile file = cases.require(caseRef);
    int supportMonths = ((Number) execution.getVariable("supportMonths")).intValue();
    int first = firstNotBegun(file.arrivalDate(), supportMonths, deadlines.today());
    cases.reopen(caseRef);
    ResumeSupportProcess.FIRST_REMAINING_MONTH.set(execution, first);
    ResumeSupportProcess.REMAINING_MONTHS.set(execution, supportMonths - first + 1);
  }

  /** The first support month that has not begun today (one past the last when all have). */
  static int firstNotBegun(LocalDate arrival, int supportMonths, LocalDate today) {
    int first = 1;
    while (first <= supportMonths && !arrival.plusMonths(first - 1).isAfter(today)) {
      first++;
    }
    return first;
  }
}
