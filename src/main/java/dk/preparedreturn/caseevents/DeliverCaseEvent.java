package dk.preparedreturn.caseevents;

import dk.preparedreturn.process.CaseScope;
import dk.preparedreturn.process.Variable;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Aflevér hændelsen til sagen" / "Deliver the event to the case" in RecordCaseEvent and
 * ReportPartnerEvent, which only {@link CaseEventService#report} starts, after its checks, with the
 * case as business key and the values below. Runs in the same transaction as the start, so a refused
 * event leaves nothing behind.
 */
@Component("deliverCaseEvent")
class DeliverCaseEvent implements JavaDelegate {

  static final Variable<String> CASE_REF = Variable.string("caseRef");
  static final Variable<String> EVENT = Variable.string("event");
  static final Variable<java.time.LocalDate> EVENT_DATE = Variable.date("eventDate");
  static final Variable<java.time.LocalDate> NEW_DATE = Variable.date("newDate");
  static final Variable<String> FLIGHT_NUMBER = Variable.string("flightNumber");
  static final Variable<String> REPORTED_BY = Variable.string("reportedBy");
  static final Variable<String> REPORTER_GROUP = Variable.string("reporterGroup");

  private final CaseEventService events;

  DeliverCaseEvent(CaseEventService events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.deliver(CaseScope.requireCaseRef(execution), CaseEvent.valueOf(EVENT.require(execution)),
        EVENT_DATE.require(execution), NEW_DATE.get(execution), FLIGHT_NUMBER.get(execution),
        REPORTER_GROUP.require(execution));
  }
}
