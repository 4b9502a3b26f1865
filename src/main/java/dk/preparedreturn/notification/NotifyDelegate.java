package dk.preparedreturn.notification;

import dk.preparedreturn.process.CaseScope;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.CONTACT_PERSON;
import static dk.preparedreturn.process.CaseVariables.DEPARTURE_DEADLINE;
import static dk.preparedreturn.process.CaseVariables.PARTNER_GROUP;

import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.ModelProperties;
import dk.preparedreturn.casefile.CaseParticipation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks that notify ("Advar om ...", "Påmind ...", "Underret om ..."). The model says what
 * and to whom, in the element's extension properties: {@code notification} (a
 * {@link NotificationKind}) and {@code recipients}: group ids, {@code contactPerson} for the case's
 * CMM contact person (as the case record knows it: a called process may have started before the
 * contact person was assigned), and {@code partner} for the case's reintegration partner abroad (the
 * case record's partner group, which "Find kvalificeret lokal partner" may have set after the variable
 * {@code partnerGroup} was passed into the preparation), told in English and only when it already
 * takes part in the case (it has had a task in it): a partner that never worked on the case does
 * not learn of it (need-to-know). The mail is queued in the outbox in this transaction.
 */
@Component("notify")
class NotifyDelegate implements JavaDelegate {

  static final String KIND = "notification";
  static final String RECIPIENTS = "recipients";
  static final String CONTACT_PERSON_TOKEN = "contactPerson";
  static final String PARTNER_TOKEN = "partner";

  private final Notifier notifier;
  private final CaseParticipation participation;
  private final CaseService cases;

  NotifyDelegate(Notifier notifier, CaseParticipation participation, CaseService cases) {
    this.notifier = notifier;
    this.participation = participation;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = NotificationKind.valueOf(ModelProperties.require(execution, KIND));
    List<String> tokens = Arrays.stream(ModelProperties.require(execution, RECIPIENTS).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    String caseRef = CaseScope.requireCaseRef(execution);
    List<String> groups = new ArrayList<>(tokens);
    String user = null;
    if (groups.remove(CONTACT_PERSON_TOKEN)) {
      user = cases.find(caseRef).map(c -> c.contactPerson()).orElse(CONTACT_PERSON.get(execution));
    }
    if (groups.remove(PARTNER_TOKEN)) {
      String partner = cases.find(caseRef).map(CaseFile::partnerGroup)
          .orElseGet(() -> PARTNER_GROUP.get(execution));
      if (partner != null && !groups.contains(partner) && participation.takesPart(caseRef, List.of(partner))) {
        groups.add(partner);
      }
    }
    notifier.caseEvent(kind, kind + ":" + caseRef + ":" + execution.getActivityInstanceId(), caseRef,
        DEPARTURE_DEADLINE.get(execution), groups, user);
  }

}
