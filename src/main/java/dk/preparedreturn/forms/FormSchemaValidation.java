package dk.preparedreturn.forms;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.BuiltInListeners;
import dk.preparedreturn.process.BuiltInListeners.TaskListenerOfEveryTask;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.process.Submission;
import dk.preparedreturn.process.TaskFacts;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The constraints of a task's Camunda Form, enforced on the server when the task is completed: a
 * submission through the engine REST API or Tasklist's API does not pass form-js, so without this
 * a required field could be left out or a value outside the form's options stored. Added to every
 * user task as a built-in listener, so a form a process owner changes in Camunda Modeler is
 * enforced as changed, with no code ({@link BuiltInListeners}). Four parts, each in its own class:
 *
 * <ul>
 *   <li>the task's form as deployed ({@link DeployedForms}, {@link FormSchema});</li>
 *   <li>what the user submitted: exactly fields of the form that it shows, each of its type
 *       ({@link SubmittedFields});</li>
 *   <li>the rules of every shown field on the values the task ends with ({@link FieldRules}; shown as
 *       form-js decides, {@link FormVisibility});</li>
 *   <li>the refusal naming the field in the task's language ({@link Refusals}).</li>
 * </ul>
 *
 * Read-only and disabled fields are not checked. An amount field ({@link Amounts}) is stored as the
 * amount read, plain with two decimals ({@code 15000.50}), whatever the user's notation. Rules between fields and against case dates stay
 * with the task's own listener ({@code Validate*}); this listener runs before it. A refusal is an
 * {@link InvalidFormInput} naming the field, in the form's language (English for the partners'
 * tasks).
 */
@Component
@Order(BuiltInListeners.Order.FORM_VALIDATION)
class FormSchemaValidation implements TaskListenerOfEveryTask {

  private final DeployedForms forms;
  private final Texts texts;

  FormSchemaValidation(DeployedForms forms, Texts texts) {
    this.forms = forms;
    this.texts = texts;
  }

  @Override
  public Set<String> events() {
    return Set.of(TaskListener.EVENTNAME_COMPLETE);
  }

  @Override
  public void notify(DelegateTask delegate) {
    TaskEntity task = (TaskEntity) delegate;
    Refusals refuse = new Refusals(texts, Audience.ofCandidates(TaskFacts.candidateGroups(task)));
    Submission submission = Submission.of(task.getId());
    FormSchema form = forms.of(task);
    if (form == null) {
      if (submission != null) {
        SubmittedFields.noForm(submission.values(), refuse);
      }
      return;
    }
    Map<String, Object> variables = new HashMap<>(delegate.getVariables());
    form.defaultCheckboxes(variables);
    if (submission != null) {
      SubmittedFields.check(form, submission.values(), variables, refuse);
    }
    FieldRules rules = new FieldRules(refuse);
    rules.check(form, variables);
    // an amount is stored as read, in one notation (15000.50), whatever notation the user wrote it in
    rules.amounts().forEach((name, amount) -> delegate.setVariable(name, Amounts.canonical(amount)));
  }
}
