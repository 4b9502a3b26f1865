package dk.preparedreturn.caseevents;

import dk.preparedreturn.testsupport.ProcessTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Common part of the tests of {@code RecordCaseEvent} and {@code ReportPartnerEvent}: both are
 * started from Tasklist by signed-in caseworkers with authorization checks on.
 */
abstract class CaseEventForms extends ProcessTestBase {

  static final LocalDate REFERRAL = LocalDate.of(2026, 5, 4);
  static final LocalDate T0 = LocalDate.of(2026, 5, 5);

  ProcessInstance startAs(String user, List<String> groups, String processKey, Map<String, Object> form) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      return engine.getFormService().submitStartForm(definition, form);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  long started(String processKey) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }
}
