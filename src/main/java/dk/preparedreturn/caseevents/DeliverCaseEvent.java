package dk.preparedreturn.caseevents;

import dk.preparedreturn.forms.InvalidFormInput;
import dk.preparedreturn.journey.DeadlineCalendar;
import dk.preparedreturn.journey.Privileged;
import dk.preparedreturn.journey.Variable;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Aflevér hændelsen til sagen" / "Deliver the event to the case": the start forms of
 * RecordCaseEvent and ReportPartnerEvent. Runs in the same transaction as the start, so a refused
 * event leaves nothing behind and the reporter sees why in Tasklist.
 */
@Component("deliverCaseEvent")
class DeliverCaseEvent implements JavaDelegate {

  static final Variable<String> CASE_REF = Variable.string("caseRef");
  static final Variable<String> EVENT = Variable.string("event");
  static final Variable<String> EVENT_DATE = Variable.string("eventDate");
  static final Variable<String> NEW_DATE = Variable.string("newDate");
  static final Variable<String> REPORTED_BY = Variable.string("reportedBy");
  static final String PARTNER_PROCESS = "ReportPartnerEvent";

  private final CaseEventService events;
  private final IdentityService identity;

  DeliverCaseEvent(CaseEventService events, @Lazy IdentityService identity) {
    this.events = events;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean english = execution.getProcessDefinitionId().startsWith(PARTNER_PROCESS + ":");
    String user = REPORTED_BY.get(execution);
    if (user == null) {
      throw new InvalidFormInput("reportedBy", english ? "Only a signed-in user can report an event"
          : "Kun en indlogget bruger kan registrere en hændelse");
    }
    List<String> groups = groupsOf(user);
    String caseRef = CASE_REF.get(execution) == null ? "" : CASE_REF.get(execution).trim();
    CaseEvent event;
    try {
      event = CaseEvent.valueOf(String.valueOf(EVENT.get(execution)));
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInput("event", english ? "Choose an event" : "Vælg en hændelse");
    }
    events.report(caseRef, event, date(execution, EVENT_DATE), date(execution, NEW_DATE), groups, english);
    execution.setProcessBusinessKey(caseRef);
  }

  /** The groups of the signed-in reporter, as authenticated; else as stored for the initiator. */
  private List<String> groupsOf(String user) {
    var context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    if (authentication != null && user.equals(authentication.getUserId()) && authentication.getGroupIds() != null) {
      return authentication.getGroupIds();
    }
    return Privileged.call(() -> identity.createGroupQuery().groupMember(user).list()).stream().map(Group::getId)
        .toList();
  }

  private static LocalDate date(DelegateExecution execution, Variable<String> variable) {
    String value = variable.get(execution);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DeadlineCalendar.date(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInput(variable.name(), "Not a date: " + variable.name());
    }
  }
}
