package dk.preparedreturn.safeguarding;

import dk.preparedreturn.process.Variable;
import java.time.LocalDate;

/**
 * Backing of {@code processes/phases/Safeguarding.bpmn} (a progress report rates the person
 * AT_RISK: DRC and CMM agree measures, the partner visits) and {@code processes/phases/TracePerson.bpmn}
 * (the partner tries to trace a person who did not arrive or lost contact, before the case closes).
 */
public final class SafeguardingProcess {

  public static final String KEY = "Safeguarding";
  public static final String TRACE_KEY = "TracePerson";

  public static final String TASK_AGREE_MEASURES = "Task_AgreeSafeguardingMeasures";
  public static final String TASK_ASSESS_RISK = "Task_AssessRiskWithDrc";
  public static final String TASK_MONITORING_VISIT = "Task_CarryOutMonitoringVisit";
  public static final String END_RISK_MANAGED = "EndEvent_RiskManaged";

  public static final String TASK_TRACE_PERSON = "Task_TracePerson";
  public static final String END_PERSON_FOUND = "EndEvent_PersonFound";
  public static final String END_PERSON_NOT_FOUND = "EndEvent_PersonNotFound";

  public static final Variable<LocalDate> VISIT_DATE = Variable.date("visitDate");
  public static final Variable<VisitOutcome> VISIT_OUTCOME = Variable.enumeration("visitOutcome", VisitOutcome.class);
  public static final Variable<java.util.Set<SafeguardingMeasure>> SAFEGUARDING_MEASURES =
      Variable.enumSet("safeguardingMeasures", SafeguardingMeasure.class);
  public static final Variable<CmmAssessment> CMM_ASSESSMENT = Variable.enumeration("cmmAssessment", CmmAssessment.class);
  public static final Variable<java.util.Set<TracingMethod>> TRACING_METHODS =
      Variable.enumSet("tracingMethods", TracingMethod.class);
  public static final Variable<LocalDate> ATTEMPT_DATE = Variable.date("attemptDate");
  public static final Variable<TraceOutcome> TRACE_OUTCOME = Variable.enumeration("traceOutcome", TraceOutcome.class);
  public static final String FOUND = TraceOutcome.FOUND.name();
  public static final String NOT_FOUND = TraceOutcome.NOT_FOUND.name();

  private SafeguardingProcess() {
  }
}
