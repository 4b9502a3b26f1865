package dk.preparedreturn.caseevents;

import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Common part of the tests of {@code RecordCaseEvent} and {@code ReportPartnerEvent}: a signed-in
 * caseworker reports an event (as on the case page or through the REST API); the service checks it
 * and starts the event's process, which delivers it.
 */
abstract class CaseEventForms extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  /** Reports as the user; returns the event's process instance (ended: it delivers at once). */
  HistoricProcessInstance reportAs(String user, List<String> groups, String caseRef, CaseEvent event,
      LocalDate eventDate, LocalDate newDate) {
    events.report(caseRef, event, eventDate, newDate, event == CaseEvent.FLIGHT_REBOOKED ? "SK 100" : null,
        new Caller(user, groups));
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKeyIn(CaseEventService.RECORD_CASE_EVENT, CaseEventService.REPORT_PARTNER_EVENT)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
  }

  long started(String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  boolean passed(HistoricProcessInstance instance, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).finished().count() == 1;
  }

  Object variable(HistoricProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
