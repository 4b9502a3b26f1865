package dk.preparedreturn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CasePhase;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo cases of the embedded default (docs/journey.md, "Demo cases"), created the way
 * the service creates them at start-up, each standing where that table says with the open work it
 * promises. An engine of its own (unique name), closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-cases;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "app.demo.enabled=true",
    "app.mail-catcher.enabled=false",
    "app.notification.sender-enabled=false",
    "app.notification.reminders-enabled=false",
    "spring.jmx.enabled=false",
    // the demo cases run processes while the context starts, before a coverage run could be set up
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"
})
@ExcludeFromProcessCoverage
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class DemoCasesTest {

  @Autowired
  CaseService cases;
  @Autowired
  TaskService tasks;

  @Test
  void everyDemoCaseStandsWhereTheReadmeSaysWithItsOpenWork() {
    assertThat(demo(1).phase()).isEqualTo(CasePhase.IDENTIFICATION);
    assertThat(open(1)).containsExactly("Task_ScreenReferral");
    assertThat(task(1, "Task_ScreenReferral").getDueDate()).as("DEMO-1's screening is overdue")
        .isBefore(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());

    assertThat(open(2)).containsExactly("Task_DecideVictimStatus");

    assertThat(demo(3).phase()).isEqualTo(CasePhase.REFLECTION);
    assertThat(open(3)).containsExactly("Task_RecordDecision");
    assertThat(task(3, "Task_RecordDecision").getAssignee()).isEqualTo("cmm-karen");

    assertThat(demo(4).phase()).isEqualTo(CasePhase.PREPARATION);
    assertThat(open(4)).containsExactlyInAnyOrder("Task_DecideOnExtension", "Task_ObtainTravelDocuments",
        "Task_ContributeToRiskAssessment", "Task_MeetBeforeDeparture");

    assertThat(demo(5).phase()).isEqualTo(CasePhase.PREPARATION);
    assertThat(open(5)).containsExactlyInAnyOrder("Task_FindLocalPartner", "Task_ObtainTravelDocuments",
        "Task_ContributeToRiskAssessment");

    assertThat(demo(6).phase()).isEqualTo(CasePhase.REINTEGRATION);
    assertThat(open(6)).containsExactly("Task_PayCashSupport");
    assertThat(((Number) tasks.getVariable(task(6, "Task_PayCashSupport").getId(), "supportMonth")).intValue())
        .as("DEMO-6 stands in month 4").isEqualTo(4);

    assertThat(demo(7).phase()).isEqualTo(CasePhase.PREPARATION);
    assertThat(open(7)).containsExactlyInAnyOrder("Task_BookFlight", "Task_PreparePersonForDeparture",
        "Task_MeetBeforeDeparture");
    assertThat(tasks.createTaskQuery().taskId(task(7, "Task_MeetBeforeDeparture").getId())
        .taskCandidateGroup("partner-th").count()).isEqualTo(1);
    assertThat(demo(8).partnerGroup()).as("DEMO-8 returns to Lagos: the regional partner").isEqualTo("partner-ng-lagos");
    assertThat(tasks.createTaskQuery().taskId(task(8, "Task_MeetBeforeDeparture").getId())
        .taskCandidateGroup("partner-ng-lagos").count()).isEqualTo(1);
  }

  private CaseFile demo(int n) {
    return cases.findByReferrer("politi", "DEMO-" + n).orElseThrow();
  }

  private List<String> open(int n) {
    return tasks.createTaskQuery().processInstanceBusinessKey(demo(n).caseRef()).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  private Task task(int n, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(demo(n).caseRef()).taskDefinitionKey(key).singleResult();
  }
}
