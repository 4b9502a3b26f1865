package dk.preparedreturn.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one case through its processes in a process test: creates it through the real intake
 * service, completes its tasks with form values, and moves the engine clock to fire due timers.
 */
public final class Journey {

  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final ProcessEngine engine;
  private final String caseRef;

  private Journey(ProcessEngine engine, String caseRef) {
    this.engine = engine;
    this.caseRef = caseRef;
  }

  /** Sets the engine clock to 09:00 on the given day in Copenhagen. */
  public static void clockAt(LocalDate day) {
    clockAt(day.atTime(9, 0));
  }

  public static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  public static Referral referral(String reference, Referral.ResidenceStatus status, String country, LocalDate date) {
    return new Referral(reference, "politi", status, country, date,
        new Referral.Person("Testperson Fiktiv", LocalDate.of(1995, 4, 12), "NG", "FEMALE", "SEXUAL",
            true, 1, "en"));
  }

  public static Journey start(ProcessEngine engine, ReferralService referrals, Referral referral) {
    return new Journey(engine, referrals.refer(referral, "test").caseRef());
  }

  public static Journey of(ProcessEngine engine, String caseRef) {
    return new Journey(engine, caseRef);
  }

  public String caseRef() {
    return caseRef;
  }

  public ProcessInstance main() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").singleResult();
  }

  public String mainId() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKey("PreparedReturn").singleResult().getId();
  }

  public List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef).orderByTaskName().asc().list();
  }

  public List<String> openTaskKeys() {
    return openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public Task task(String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(tasks).as("open task " + taskDefinitionKey + " of " + caseRef + "; open: " + openTaskKeys())
        .hasSize(1);
    return tasks.get(0);
  }

  public boolean hasTask(String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(taskDefinitionKey).count() > 0;
  }

  /** Completes the open task with that key, with the given form values (pairs of name, value). */
  public Journey complete(String taskDefinitionKey, Object... nameValues) {
    Task task = task(taskDefinitionKey);
    engine.getFormService().submitTaskForm(task.getId(), vars(nameValues));
    return this;
  }

  public static Map<String, Object> vars(Object... nameValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      variables.put((String) nameValues[i], nameValues[i + 1]);
    }
    return variables;
  }

  public List<String> instanceIds() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()
        .stream().map(ProcessInstance::getId).toList();
  }

  /** Timer and async jobs of the case's running instances, soonest first. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (String id : instanceIds()) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).list());
    }
    jobs.sort((a, b) -> a.getDuedate() == null ? -1 : b.getDuedate() == null ? 1 : a.getDuedate().compareTo(b.getDuedate()));
    return jobs;
  }

  public Job timer(String activityId) {
    List<Job> timers = new ArrayList<>();
    for (String id : instanceIds()) {
      timers.addAll(engine.getManagementService().createJobQuery().processInstanceId(id).activityId(activityId)
          .timers().list());
    }
    assertThat(timers).as("timer " + activityId).hasSize(1);
    return timers.get(0);
  }

  /** Executes the jobs that are due now (repeatedly: a job may create further due jobs). */
  public int executeDueJobs() {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      List<Job> due = jobs().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().toInstant().isAfter(now)).toList();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    throw new AssertionError("Jobs keep becoming due");
  }

  /** Moves the clock to the given day (09:00) and runs what became due. */
  public Journey on(LocalDate day) {
    clockAt(day);
    executeDueJobs();
    return this;
  }

  public Object variable(String name) {
    return engine.getRuntimeService().getVariable(main().getId(), name);
  }
}
