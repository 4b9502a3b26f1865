package dk.preparedreturn.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** What a task listener needs to know about the task and about who is acting on it. */
public final class TaskFacts {

  private TaskFacts() {
  }

  /** The task's candidate groups. */
  public static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The user whose call is running (null for the service's own work: timers, jobs, start-up). */
  public static String actingUser() {
    var context = Context.getCommandContext();
    var authentication = context == null ? null : context.getAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /**
   * Whether the assignee is the acting user claiming the task for himself, with authorization on: the
   * engine has then just checked that he may work on it (TASK_WORK through a candidate group).
   */
  public static boolean claimedByActingUser(String assignee) {
    var context = Context.getCommandContext();
    var invocation = Context.getCommandInvocationContext();
    return assignee != null && assignee.equals(actingUser()) && invocation != null
        && invocation.getCommand() instanceof ClaimTaskCmd
        && context.getProcessEngineConfiguration().isAuthorizationEnabled();
  }
}
