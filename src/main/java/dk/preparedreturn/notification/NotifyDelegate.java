package dk.preparedreturn.notification;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.CONTACT_PERSON;
import static dk.preparedreturn.journey.CaseVariables.DEPARTURE_DEADLINE;

import dk.preparedreturn.journey.ModelProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks that notify ("Advar om ...", "Påmind ...", "Underret om ..."). The model says what
 * and to whom, in the element's extension properties: {@code notification} (a
 * {@link NotificationKind}) and {@code recipients} (group ids, and {@code contactPerson} for the
 * case's CMM contact person). The mail is queued in the outbox in this transaction.
 */
@Component("notify")
class NotifyDelegate implements JavaDelegate {

  static final String KIND = "notification";
  static final String RECIPIENTS = "recipients";
  static final String CONTACT_PERSON_TOKEN = "contactPerson";

  private final Notifier notifier;

  NotifyDelegate(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = NotificationKind.valueOf(ModelProperties.require(execution, KIND));
    List<String> tokens = Arrays.stream(ModelProperties.require(execution, RECIPIENTS).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> groups = new ArrayList<>(tokens);
    String user = null;
    if (groups.remove(CONTACT_PERSON_TOKEN)) {
      user = CONTACT_PERSON.get(execution);
    }
    String caseRef = CASE_REF.require(execution);
    notifier.caseEvent(kind, kind + ":" + caseRef + ":" + execution.getActivityInstanceId(), caseRef,
        DEPARTURE_DEADLINE.get(execution), groups, user);
  }
}
