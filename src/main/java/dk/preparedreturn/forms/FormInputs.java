package dk.preparedreturn.forms;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.process.TaskFacts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/** The {@link FormInput} of a completed task: its deployed form, its audience (from the candidate groups). */
@Component
public class FormInputs {

  private final Texts texts;
  private final DeployedForms forms;

  FormInputs(Texts texts, DeployedForms forms) {
    this.texts = texts;
    this.forms = forms;
  }

  public FormInput of(DelegateTask task) {
    Refusals refusals = new Refusals(texts, Audience.ofCandidates(TaskFacts.candidateGroups(task)));
    return new FormInput(task, refusals, task instanceof TaskEntity entity ? forms.of(entity) : null);
  }
}
