package dk.preparedreturn.casefile;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.BuiltInListeners;
import dk.preparedreturn.process.BuiltInListeners.StartListenerOfEveryProcess;
import dk.preparedreturn.process.BuiltInListeners.TaskListenerOfEveryTask;
import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.TaskFacts;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Built into every model ({@link BuiltInListeners}), so that no model can forget or get round need-to-know:
 *
 * <ul>
 *   <li>a new task makes its candidate groups take part in its case. The case is the one the task's
 *       process hierarchy belongs to ({@link CaseScope}), never a variable. A partner abroad may be
 *       a candidate only of a task of the case routed to it (the case record's partner group): a
 *       task for any other partner is refused, and the step that would create it fails;</li>
 *   <li>a task is assigned only to a member of one of its candidate groups (claim, assignment,
 *       the model's {@code ${contactPerson}}): nobody can hand a task, and so its case, to a user
 *       of another organisation;</li>
 *   <li>a new process instance of a case can be read by every organisation that takes part.</li>
 * </ul>
 */
@Component
@Order(BuiltInListeners.Order.PARTICIPATION)
class ParticipationListeners implements TaskListenerOfEveryTask, StartListenerOfEveryProcess {

  private final CaseParticipation participation;
  private final CaseService cases;
  private final Directory directory;
  private final Texts texts;

  ParticipationListeners(CaseParticipation participation, CaseService cases, Directory directory, Texts texts) {
    this.texts = texts;
    this.participation = participation;
    this.cases = cases;
    this.directory = directory;
  }

  @Override
  public Set<String> events() {
    return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      taskCreated(task);
    } else {
      taskAssigned(task);
    }
  }

  @Override
  public void started(DelegateExecution processInstance) {
    String caseRef = CaseScope.caseRef(processInstance);
    if (caseRef != null) {
      participation.instanceStarted(caseRef, processInstance.getProcessInstanceId());
    }
  }

  void taskCreated(DelegateTask task) {
    String caseRef = CaseScope.caseRef(task);
    List<String> groups = TaskFacts.candidateGroups(task);
    List<String> partners = groups.stream().filter(Groups::isPartnerGroup).toList();
    if (!partners.isEmpty()) {
      String routed = caseRef == null ? null : cases.find(caseRef).map(CaseFile::partnerGroup).orElse(null);
      for (String partner : partners) {
        if (!partner.equals(routed)) {
          throw new ProcessEngineException("Task " + task.getTaskDefinitionKey() + " would go to partner group "
              + partner + ", but the case is routed to " + routed + "; refused (need-to-know)");
        }
      }
    }
    if (caseRef != null) {
      groups.forEach(group -> participation.join(caseRef, group, () -> CaseScope.hierarchy(task.getExecution())));
    }
    checkAssignee(task, false);
  }

  void taskAssigned(DelegateTask task) {
    checkAssignee(task, true);
  }

  /** @param selfClaimChecked a claim by the caller himself was checked by the engine (see below) */
  private void checkAssignee(DelegateTask task, boolean selfClaimChecked) {
    String assignee = task.getAssignee();
    if (assignee == null || selfClaimChecked && TaskFacts.claimedByActingUser(assignee)) {
      return;
    }
    List<String> groups = TaskFacts.candidateGroups(task);
    if (groups.isEmpty()) {
      return;
    }
    List<String> memberOf = directory.groupsOf(assignee);
    if (memberOf.stream().noneMatch(groups::contains)) {
      throw new AuthorizationException(texts.get(Audience.ofCandidates(groups), "participation.assigneeNotMember",
          String.join(", ", groups)));
    }
  }
}
