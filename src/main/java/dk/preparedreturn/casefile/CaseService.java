package dk.preparedreturn.casefile;

import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.process.EngineClock;
import dk.preparedreturn.process.Workflow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The only way to change a case. Each method is an intent of the journey (identify, assign the
 * contact person, move the deadline, confirm the departure ...): it applies the intent to the
 * {@link CaseFile}, which keeps the case's rules, stores the result, and gives the case's processes
 * the values they read from it (the deadline a timer waits for, the partner a task goes to), which
 * only the service writes. Listeners and controllers call it; none of them writes a column.
 */
@Service("cases")
public class CaseService {

  private final CaseRecords records;
  private final Workflow workflow;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  CaseService(CaseRecords records, Workflow workflow, EngineClock clock, ApplicationEventPublisher events) {
    this.records = records;
    this.workflow = workflow;
    this.clock = clock;
    this.events = events;
  }

  // ---------------------------------------------------------------------------------- reading

  public Optional<CaseFile> find(String caseRef) {
    return records.find(caseRef);
  }

  /** @throws CaseNotFound when there is no such case */
  public CaseFile require(String caseRef) {
    return records.find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
  }

  public Optional<CaseFile> findByReferrer(String organisation, String referrerReference) {
    return records.findByReferrer(organisation, referrerReference);
  }

  /** The fingerprint of the referral the case was created from (a repeated referral must match it). */
  public Optional<String> referralFingerprint(String caseRef) {
    return records.fingerprint(caseRef);
  }

  /** The person's data; only {@link CaseAccess} (which logs each read) and the anonymous statistics read it. */
  public Optional<PersonData> person(String caseRef) {
    return records.person(caseRef);
  }

  public List<PhasePeriod> phaseHistory(String caseRef) {
    return records.phaseHistory(caseRef);
  }

  // ---------------------------------------------------------------------------------- changing

  /** A new case from a referral, with the person's data in a table of its own. */
  public CaseFile open(String referrerReference, String referringOrganisation, String residenceStatus,
      String countryOfReturn, LocalDate referralDate, String fingerprint, PersonData person, String createdBy) {
    Instant now = clock.instant();
    CaseFile file = CaseFile.referred(records.newCaseRef(Year.now(clock)), referrerReference, referringOrganisation,
        residenceStatus, countryOfReturn, referralDate, person.dateOfBirth(), now, createdBy);
    records.insert(file, fingerprint, person);
    return file;
  }

  public void linkMainProcess(String caseRef, String processInstanceId) {
    change(caseRef, c -> c.linkedTo(processInstanceId));
  }

  /** Identified on T0 with the period and deadlines of the decision table; the processes wait for them. */
  public void identify(String caseRef, LocalDate t0, String periodType, LocalDate deadline, LocalDate latestDeadline) {
    change(caseRef, c -> c.identified(t0, periodType, deadline, latestDeadline));
    workflow.setCaseValue(caseRef, CaseVariables.DEPARTURE_DEADLINE, deadline);
    workflow.setCaseValue(caseRef, CaseVariables.MAX_DEADLINE, latestDeadline);
  }

  /**
   * Identified on T0 while the person's asylum case is pending: the case starts suspended (from T0,
   * for that reason), with no departure deadline and the latest one from the decision table.
   */
  public void identifyDuringAsylumCase(String caseRef, LocalDate t0, String periodType, LocalDate latestDeadline) {
    change(caseRef, c -> c.identifiedDuringAsylumCase(t0, periodType, latestDeadline));
    workflow.setCaseValue(caseRef, CaseVariables.MAX_DEADLINE, latestDeadline);
    workflow.setCaseValue(caseRef, CaseVariables.SUSPENSION_DATE, t0);
    workflow.setCaseValue(caseRef, CaseVariables.SUSPENSION_REASON, ASYLUM_CASE_PENDING);
  }

  /** Why a case that starts suspended is suspended (the suspension reasons of the events: ASYLUM_APPLIED). */
  public static final String ASYLUM_CASE_PENDING = "ASYLUM_APPLIED";

  public void assignContactPerson(String caseRef, String userId) {
    change(caseRef, c -> c.contactPersonAssigned(userId));
    workflow.setCaseValue(caseRef, CaseVariables.CONTACT_PERSON, userId);
  }

  public void recordOfferDecision(String caseRef, String decision) {
    change(caseRef, c -> c.offerDecided(decision));
  }

  /**
   * The offer accepted today with the person's informed consent to it and to sharing data with DRC and
   * the partner, and the country of return chosen with the person: the home country, or another
   * country where the person has a residence right (the kind of evidence and its validity), with a
   * region of it or none. The reflection period then routes the case to the partner of that country
   * and region ({@code PartnerRouting}), which reads both from the processes.
   */
  public void recordAcceptance(String caseRef, String country, String region, String residenceEvidence,
      LocalDate residenceValidUntil) {
    LocalDate today = LocalDate.now(clock);
    change(caseRef, c -> c.countryChosen(country, region, residenceEvidence, residenceValidUntil, today)
        .accepted(today));
    CaseFile file = require(caseRef);
    workflow.setCaseValue(caseRef, CaseVariables.COUNTRY_OF_RETURN, file.countryOfReturn());
    workflow.setCaseValue(caseRef, CaseVariables.RETURN_REGION, file.returnRegion());
    workflow.setCaseValue(caseRef, CaseVariables.PARTNER_GROUP, file.partnerGroup());
  }

  /** An extension or a new deadline after a suspension: every timer and due date that hangs on it follows. */
  public void moveDepartureDeadline(String caseRef, LocalDate deadline) {
    boolean first = !require(caseRef).deadlineSet();
    change(caseRef, c -> c.deadlineMoved(deadline));
    if (first) {
      // a case that started suspended (asylum case pending) gets its first deadline: the processes had none
      workflow.setCaseValue(caseRef, CaseVariables.DEPARTURE_DEADLINE, deadline);
    }
    workflow.moveCaseDate(caseRef, CaseVariables.DEPARTURE_DEADLINE, deadline);
  }

  /** An extension granted on a legal ground: the deadline moves (as {@link #moveDepartureDeadline}) and the ground is kept. */
  public void grantExtension(String caseRef, LocalDate deadline, String ground) {
    change(caseRef, c -> c.extended(deadline, ground));
    workflow.moveCaseDate(caseRef, CaseVariables.DEPARTURE_DEADLINE, deadline);
  }

  public void moveLatestDeadline(String caseRef, LocalDate latestDeadline) {
    change(caseRef, c -> c.latestDeadlineMoved(latestDeadline));
    workflow.setCaseValueEverywhere(caseRef, CaseVariables.MAX_DEADLINE, latestDeadline);
  }

  /** The case goes to a partner in its country of return; its partner tasks go there from now on. */
  public void routeToPartner(String caseRef, String partnerGroup) {
    change(caseRef, c -> c.routedTo(partnerGroup));
    workflow.setCaseValue(caseRef, CaseVariables.PARTNER_GROUP, partnerGroup);
  }

  /**
   * The case moves to another partner of its country of return (DRC's transfer, after the old
   * partner's hand-over): the case record routes it there, and every process of the case that holds
   * the partner group gets the new one, so tasks created from now on go to it. Only after the
   * acceptance with consent; the moving of open tasks and participation is the caller's.
   */
  public void transferToPartner(String caseRef, String partnerGroup) {
    change(caseRef, c -> {
      if (!c.partnerMayTakePart()) {
        throw new IllegalStateException("case " + caseRef + " has no partner yet");
      }
      return c.routedTo(partnerGroup);
    });
    workflow.setCaseValueEverywhere(caseRef, CaseVariables.PARTNER_GROUP, partnerGroup);
  }

  /**
   * The flight booked on the given day: the departure tasks follow it, and the due dates of the open
   * tasks that lead up to the flight (the partner's meeting, preparing the person) move to it.
   */
  public void bookFlight(String caseRef, LocalDate planned) {
    change(caseRef, c -> c.flightBooked(planned));
    workflow.moveCaseDate(caseRef, CaseVariables.PLANNED_DEPARTURE_DATE, planned);
  }

  /**
   * A flight rebooked while the preparation runs: every timer and due date on it moves, and the
   * preparation knows the new flight's number.
   */
  public void rebookFlight(String caseRef, LocalDate planned, String flightNumber) {
    change(caseRef, c -> c.flightBooked(planned));
    workflow.moveCaseDate(caseRef, CaseVariables.PLANNED_DEPARTURE_DATE, planned);
    workflow.setCaseValueEverywhere(caseRef, CaseVariables.FLIGHT_NUMBER, flightNumber);
  }

  /** The outcome of the risk and safety assessment before the flight is booked (decision table ReturnSafety). */
  public void recordReturnSafety(String caseRef, boolean safe) {
    change(caseRef, c -> c.returnAssessed(safe));
  }

  /**
   * What follows a return assessed as not safe: the prepared return ends. An asylum application
   * suspends the return from today (as the event "asylum applied" does), until Udlændingestyrelsen
   * records how the asylum case ended; otherwise the case is handed over or its restitution period ends.
   */
  public void recordNotSafeFollowUp(String caseRef, String followUp) {
    change(caseRef, c -> c.notSafeFollowedUpBy(followUp));
    if (ASYLUM_APPLICATION.equals(followUp)) {
      workflow.setCaseValue(caseRef, CaseVariables.SUSPENSION_DATE, LocalDate.now(clock));
      workflow.setCaseValue(caseRef, CaseVariables.SUSPENSION_REASON, ASYLUM_CASE_PENDING);
    }
  }

  /** The follow-up of a return not safe that suspends the return (the person applies for asylum). */
  public static final String ASYLUM_APPLICATION = "ASYLUM_APPLICATION";

  /** The number of children travelling with the person, each with documents (and then a ticket). */
  public void recordAccompanyingChildren(String caseRef, int children) {
    change(caseRef, c -> c.travellingWithChildren(children));
  }

  public void confirmDeparture(String caseRef, LocalDate day) {
    change(caseRef, c -> c.departed(day));
  }

  public void confirmArrival(String caseRef, LocalDate day) {
    change(caseRef, c -> c.arrived(day));
  }

  /** Why the case ends: not identified (and why), no indicators, withdrew, contact lost, not arrived. */
  public void recordExit(String caseRef, String reason) {
    change(caseRef, c -> c.exitFor(reason));
  }

  public void enterPhase(String caseRef, CasePhase phase) {
    change(caseRef, c -> c.inPhase(phase, clock.instant()));
  }

  public void close(String caseRef, CaseOutcome outcome) {
    change(caseRef, c -> c.closedAs(outcome, clock.instant()));
    events.publishEvent(new CaseClosed(caseRef, outcome));
  }

  /**
   * A case closed because contact was lost after the arrival is reopened: the person is back in touch
   * within the support period and DRC resumes the support ({@code ResumeSupport.bpmn}).
   */
  public void reopen(String caseRef) {
    change(caseRef, c -> c.reopened(clock.instant()));
    events.publishEvent(new CaseReopened(caseRef));
  }

  /**
   * The partner's reintegration sustainability ratings (IOM RSS, 1-5 per dimension) at a point of the
   * reintegration ({@link #ARRIVAL} or {@link #MONTH_12}); each point once (the task that rates it completes once).
   */
  public void recordSustainability(String caseRef, String point, int economic, int social, int psychosocial,
      LocalDate ratedOn) {
    if (!ARRIVAL.equals(point) && !MONTH_12.equals(point)) {
      throw new IllegalArgumentException("unknown point " + point);
    }
    records.recordSustainability(caseRef, point, economic, social, psychosocial, ratedOn);
  }

  public static final String ARRIVAL = "ARRIVAL";
  public static final String MONTH_12 = "MONTH_12";

  /** A payment or a claim decision of a support month, in the case's ledger. */
  public void recordPayment(String caseRef, int month, String kind, String category, BigDecimal amount,
      String currency, String status, String by) {
    records.recordPayment(caseRef, month, kind, category, amount, currency, status, clock.instant(), by);
  }

  /** The reintegration plan's amounts, fixed when DRC prepares the plan (again when it is prepared again). */
  public void recordPlan(String caseRef, ReintegrationPlan plan, String by) {
    require(caseRef);
    records.recordPlan(caseRef, plan, clock.instant(), by);
  }

  public Optional<ReintegrationPlan> plan(String caseRef) {
    return records.plan(caseRef);
  }

  /** The case's budget ledger (plan, cash paid, claims and decisions); empty before the plan is prepared. */
  public Optional<Ledger> ledger(String caseRef) {
    return records.ledger(caseRef);
  }

  /** DRC's decision on a reimbursement claim; the reason when DRC approves it beyond the budget. */
  public void recordClaimDecision(String caseRef, int month, String category, BigDecimal amount, String currency,
      String status, String overBudgetReason, String by) {
    records.recordClaimDecision(caseRef, month, category, amount, currency, status, overBudgetReason,
        clock.instant(), by);
  }

  private void change(String caseRef, UnaryOperator<CaseFile> intent) {
    CaseFile before = require(caseRef);
    records.store(before, intent.apply(before));
  }
}
