package dk.preparedreturn.testsupport;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Works tasks as the caseworkers do in Tasklist: the engine calls behind Tasklist's "claim" and
 * "complete" (form submission), made with the caseworker's authentication, so the engine checks
 * their authorizations as in production. Looking up a case's open task is done as the system.
 */
public final class Caseworkers {

  private final ProcessEngine engine;

  public Caseworkers(ProcessEngine engine) {
    this.engine = engine;
    TestUsers.ensure(engine.getIdentityService());
  }

  /** The open task with that key in the case, or null. */
  public Task openTask(String caseRef, String taskDefinitionKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseRef)
        .taskDefinitionKey(taskDefinitionKey).list();
    if (tasks.size() > 1) {
      throw new IllegalStateException(tasks.size() + " open tasks " + taskDefinitionKey + " in " + caseRef);
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /** The test caseworker who works the task: its assignee, else the caseworker of a candidate group. */
  public String actorOf(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && TestUsers.BY_GROUP.containsKey(link.getGroupId())) {
        return TestUsers.BY_GROUP.get(link.getGroupId());
      }
    }
    throw new IllegalStateException("No test caseworker may work " + task.getTaskDefinitionKey());
  }

  /** Claims the task as the caseworker ("Claim" in Tasklist). */
  public void claim(Task task, String userId) {
    as(userId, () -> engine.getTaskService().claim(task.getId(), userId));
  }

  /** Submits the task's form as the caseworker ("Complete" in Tasklist). */
  public void submit(Task task, String userId, Map<String, Object> values) {
    as(userId, () -> engine.getFormService().submitTaskForm(task.getId(), values));
  }

  private void as(String userId, Runnable action) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, List.of(TestUsers.groupOf(userId)));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
