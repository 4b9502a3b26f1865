package dk.preparedreturn.process;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Journey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Running cases move onto the models the service deploys: a case waiting at the screening when a new
 * version of "Identifikation" comes keeps its open task (same task, same candidate group) on the new
 * version and goes on from there; a version in which that task no longer exists cannot take the case,
 * which then stays where it is (and is named in the log) until a version that can take it comes.
 * Deploys versions of a real model, so it runs in a context of its own and outside the coverage gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:instance-migration;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.job-execution.enabled=false",
    "app.demo.enabled=false",
    "app.mail-catcher.enabled=false",
    "app.notification.sender-enabled=false",
    "app.notification.reminders-enabled=false",
    "spring.autoconfigure.exclude="
        + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"
})
@ExcludeFromProcessCoverage
@DirtiesContext
class InstanceMigrationTest {

  static final String MODEL = "phases/Identification.bpmn";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  InstanceMigration migration;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWaitingCaseMovesToTheNewVersionAndStaysWhereTheNewVersionCannotTakeIt() throws IOException {
    String original = Files.readString(Path.of("processes", MODEL));
    LocalDate referral = LocalDate.of(2026, 5, 4);
    Journey.clockAt(referral);
    Journey j = Journey.start(engine, referrals, Journey.referral("MIG-" + UUID.randomUUID(),
        Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", referral));
    Task screening = screening(j);
    int before = identification(j).getVersion();

    // a corrected model (here: a new name) is deployed: the case moves, its task stays the same task
    deploy(original.replace("name=\"Identifikation\"", "name=\"Identifikation (rettet)\""));
    List<InstanceMigration.Outcome> moved = migration.migrateRunning(engine);
    assertThat(moved).filteredOn(o -> o.processKey().equals("Identification"))
        .extracting(InstanceMigration.Outcome::instances, InstanceMigration.Outcome::moved)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L));
    ProcessDefinition corrected = identification(j);
    assertThat(corrected.getVersion()).isEqualTo(before + 1);
    assertThat(corrected.getName()).isEqualTo("Identifikation (rettet)");
    assertThat(screening(j).getId()).as("the same open task").isEqualTo(screening.getId());
    assertThat(screening(j).getProcessDefinitionId()).isEqualTo(corrected.getId());

    // a version without the screening task cannot take the case: it stays, nothing is lost
    deploy(original.replace("Task_ScreenReferral", "Task_ScreenTheReferral"));
    List<InstanceMigration.Outcome> refused = migration.migrateRunning(engine);
    assertThat(refused).filteredOn(o -> o.processKey().equals("Identification"))
        .extracting(InstanceMigration.Outcome::instances, InstanceMigration.Outcome::moved)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0L));
    assertThat(refused).filteredOn(o -> o.processKey().equals("Identification"))
        .allSatisfy(o -> assertThat(o.reason()).contains("Task_ScreenReferral"));
    assertThat(identification(j).getId()).as("still on the corrected version").isEqualTo(corrected.getId());
    assertThat(screening(j).getId()).isEqualTo(screening.getId());

    // the original model again: the case moves on and is worked as before
    deploy(original);
    migration.migrateRunning(engine);
    assertThat(identification(j).getVersion()).isEqualTo(before + 3);
    j.identify(referral.plusDays(1));
    assertThat(j.openTaskKeys()).contains("Task_AssignContactPerson");
  }

  @Test
  void aVersionThatJoinsParallelPathsDifferentlyTakesNoRunningCase() {
    org.camunda.bpm.model.bpmn.BpmnModelInstance twoPaths = org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("P").startEvent().parallelGateway("Gateway_Fork").userTask("Task_A")
        .parallelGateway("Gateway_Join").endEvent().moveToNode("Gateway_Fork").userTask("Task_B")
        .connectTo("Gateway_Join").done();
    org.camunda.bpm.model.bpmn.BpmnModelInstance threePaths = org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("P").startEvent().parallelGateway("Gateway_Fork").userTask("Task_A")
        .parallelGateway("Gateway_Join").endEvent().moveToNode("Gateway_Fork").userTask("Task_B")
        .connectTo("Gateway_Join").moveToNode("Gateway_Fork").userTask("Task_C").connectTo("Gateway_Join").done();
    org.camunda.bpm.model.bpmn.BpmnModelInstance renamed = org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("P").name("Renamed").startEvent().parallelGateway("Gateway_Fork").userTask("Task_A")
        .parallelGateway("Gateway_Join").endEvent().moveToNode("Gateway_Fork").userTask("Task_B")
        .connectTo("Gateway_Join").done();

    assertThat(InstanceMigration.changedJoins(twoPaths, renamed)).as("the same paths").isEmpty();
    // a case at Task_A on the old version would wait at the join for Task_C, which it never passed
    assertThat(InstanceMigration.changedJoins(twoPaths, threePaths)).isEqualTo("Gateway_Join");
    assertThat(InstanceMigration.changedJoins(threePaths, twoPaths)).isEqualTo("Gateway_Join");
  }

  private void deploy(String bpmn) {
    engine.getRepositoryService().createDeployment().name("migration-test").addString(MODEL, bpmn).deploy();
  }

  private Task screening(Journey j) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(j.caseRef())
        .taskDefinitionKey("Task_ScreenReferral").singleResult();
  }

  private ProcessDefinition identification(Journey j) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(j.caseRef()).processDefinitionKey("Identification").singleResult();
    return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
  }
}
