package dk.preparedreturn.notification;

import static dk.preparedreturn.journey.CaseVariables.CASE_REF;
import static dk.preparedreturn.journey.CaseVariables.CONTACT_PERSON;
import static dk.preparedreturn.journey.CaseVariables.DEPARTURE_DEADLINE;

import dk.preparedreturn.casefile.CaseFileRepository;
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
 * case's CMM contact person, as the case record knows it: a called process may have started before
 * the contact person was assigned). The mail is queued in the outbox in this transaction.
 */
@Component("notify")
class NotifyDelegate implements JavaDelegate {

  static final String KIND = "notification";
  static final String RECIPIENTS = "recipients";
  static final String CONTACT_PERSON_TOKEN = "contactPerson";

  private final Notifier notifier;
  private final CaseFileRepository cases;

  NotifyDelegate(Notifier notifier, CaseFileRepository cases) {
    this.notifier = notifier;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = NotificationKind.valueOf(ModelProperties.require(execution, KIND));
    List<String> tokens = Arrays.stream(ModelProperties.require(execution, RECIPIENTS).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> groups = new ArrayList<>(tokens);
    String caseRef = CASE_REF.require(execution);
    String user = null;
    if (groups.remove(CONTACT_PERSON_TOKEN)) {
      user = cases.find(caseRef).map(c -> c.contactPerson()).orElse(CONTACT_PERSON.get(execution));
    }
    notifier.caseEvent(kind, kind + ":" + caseRef + ":" + execution.getActivityInstanceId(), caseRef,
        DEPARTURE_DEADLINE.get(execution), groups, user);
  }
}
