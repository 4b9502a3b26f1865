package dk.preparedreturn.deadlines;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.caseevents.CaseEvent;
import dk.preparedreturn.caseevents.CaseEventService;
import dk.preparedreturn.deadlines.DeadlineCalendarService.Entry;
import dk.preparedreturn.deadlines.DeadlineCalendarService.Status;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.ProcessTestBase;
import dk.preparedreturn.testsupport.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The deadline calendar of a case in reintegration: the support schedule comes from the decision
 * table SupportMonthPlan (cash in months 1–6, progress reports after months 3, 6 and 9, the end at
 * month 12) and the lead times of the case. Called the way the API and the page call it: from a
 * web thread, outside any engine command, with the caller's authentication (a partner may not read
 * decision tables itself).
 */
class DeadlineCalendarTest extends ProcessTestBase {

  static final LocalDate ARRIVAL = LocalDate.of(2026, 5, 29);

  @Autowired
  DeadlineCalendarService deadlines;
  @Autowired
  MessageSource messages;
  @Autowired
  CaseEventService events;
  @Autowired
  CaseService cases;

  Journey arrivedCase() {
    Journey j = newCase(LocalDate.of(2026, 5, 4)).identify(LocalDate.of(2026, 5, 5)).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 20));
    return j.prepared(LocalDate.of(2026, 5, 28)).departed(LocalDate.of(2026, 5, 28)).arrived(ARRIVAL);
  }

  @Test
  void theSupportScheduleFollowsTheDecisionTable() {
    Journey j = arrivedCase();
    clockAt(LocalDate.of(2026, 9, 1));
    List<Entry> calendar = deadlines.calendar(j.caseRef());

    assertThat(calendar.stream().filter(e -> e.kind().equals("CASH_SUPPORT")).map(Entry::date))
        .containsExactly(ARRIVAL, ARRIVAL.plusMonths(1), ARRIVAL.plusMonths(2), ARRIVAL.plusMonths(3),
            ARRIVAL.plusMonths(4), ARRIVAL.plusMonths(5));
    assertThat(calendar.stream().filter(e -> e.kind().equals("REIMBURSEMENT")).map(Entry::date))
        .containsExactly(ARRIVAL.plusMonths(6), ARRIVAL.plusMonths(7), ARRIVAL.plusMonths(8), ARRIVAL.plusMonths(9),
            ARRIVAL.plusMonths(10), ARRIVAL.plusMonths(11));
    // reports 14 days (LeadTimes.reportDays) after months 3, 6 and 9 (29 Feb 2027 does not exist: 28 Feb + 14);
    // the end 12 months after arrival
    assertThat(calendar.stream().filter(e -> e.kind().equals("PROGRESS_REPORT")).map(Entry::date))
        .containsExactly(LocalDate.of(2026, 9, 12), LocalDate.of(2026, 12, 13), LocalDate.of(2027, 3, 14));
    assertThat(calendar).filteredOn(e -> e.kind().equals("PROGRAMME_END") || e.kind().equals("FINAL_REPORT"))
        .extracting(Entry::kind, Entry::date, Entry::status)
        .containsExactly(tuple("PROGRAMME_END", LocalDate.of(2027, 5, 29), Status.UPCOMING),
            tuple("FINAL_REPORT", LocalDate.of(2027, 6, 12), Status.UPCOMING));
    // on 1 September the cash support of 29 May, June, July and August lies in the past
    assertThat(calendar).filteredOn(e -> e.kind().equals("CASH_SUPPORT")).extracting(Entry::status)
        .containsExactly(Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.UPCOMING,
            Status.UPCOMING);
    assertThat(calendar).extracting(Entry::date).isSorted();
  }

  @Test
  void doneStepsAreNoLongerUpcomingAndAClosedCaseKeepsNothingUpcoming() {
    Journey j = arrivedCase();
    j.complete("Task_RefineReintegrationPlan", "planAgreedOn", ARRIVAL.toString(), "refinedPlanAreas",
        Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
        "socialSituation", "3", "psychosocialSituation", "2");
    j.complete("Task_PayCashSupport", "cashAmount", 1500, "paidOn", ARRIVAL.toString());
    List<Entry> calendar = deadlines.calendar(j.caseRef());
    assertThat(calendar).filteredOn(e -> e.kind().equals("PLAN_REFINED")).extracting(Entry::status)
        .as("the plan refined on the day of arrival").containsExactly(Status.DONE);
    assertThat(calendar).filteredOn(e -> e.kind().equals("CASH_SUPPORT")).extracting(Entry::status)
        .as("month 1 paid, the rest to come").containsExactly(Status.DONE, Status.UPCOMING, Status.UPCOMING,
            Status.UPCOMING, Status.UPCOMING, Status.UPCOMING);

    // month 2 begins and its cash is not paid; in month 3 the person withdraws and DRC closes the case
    j.on(ARRIVAL.plusMonths(1));
    j.on(ARRIVAL.plusMonths(2).plusDays(3));
    j.report(events, CaseEvent.PERSON_WITHDREW, null, "drc");
    j.complete("Task_CloseCaseAfterDropOut", "paymentsStopped", true, "partnerInformed", true);
    assertThat(cases.require(j.caseRef()).closed()).isTrue();

    List<Entry> closed = deadlines.calendar(j.caseRef());
    assertThat(closed).as("nothing can still happen in a closed case").noneMatch(e -> e.status() == Status.UPCOMING);
    assertThat(closed).filteredOn(e -> e.kind().equals("CASH_SUPPORT")).extracting(Entry::status)
        .as("month 1 paid; months 2 and 3 passed unpaid; months 4 to 6 no longer apply")
        .containsExactly(Status.DONE, Status.PASSED, Status.PASSED, Status.LAPSED, Status.LAPSED, Status.LAPSED);
    assertThat(closed).filteredOn(e -> e.kind().equals("FINAL_REPORT")).extracting(Entry::status)
        .containsExactly(Status.LAPSED);
    assertThat(messages.getMessage("status.LAPSED", null, Locale.forLanguageTag("da")))
        .isEqualTo("bortfaldet (sagen er lukket)");
    assertThat(messages.getMessage("status.LAPSED", null, Locale.ENGLISH)).isEqualTo("no longer applies (case closed)");
  }

  @Test
  void theStepsBeforeTheFlightFollowItAndMoveWithARebooking() {
    Journey j = newCase(LocalDate.of(2026, 5, 4)).identify(LocalDate.of(2026, 5, 5)).acceptOffer();
    clockAt(LocalDate.of(2026, 5, 12));
    j.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
            "documentsValidUntil", "2027-01-01", "accompanyingChildren", 0)
        .assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", "2026-05-25", "flightNumber", "SK 99");
    // escort 7, partner meeting 5, airport assistance 3, the person prepared 2 days before the flight (LeadTimes)
    assertThat(deadlines.calendar(j.caseRef())).filteredOn(e -> e.kind().startsWith("BEFORE_FLIGHT."))
        .extracting(Entry::kind, Entry::date, Entry::status)
        .containsExactly(tuple("BEFORE_FLIGHT.DecideOnEscort", LocalDate.of(2026, 5, 18), Status.UPCOMING),
            tuple("BEFORE_FLIGHT.MeetBeforeDeparture", LocalDate.of(2026, 5, 20), Status.UPCOMING),
            tuple("BEFORE_FLIGHT.ArrangeAirportAssistance", LocalDate.of(2026, 5, 22), Status.UPCOMING),
            tuple("BEFORE_FLIGHT.PreparePersonForDeparture", LocalDate.of(2026, 5, 23), Status.UPCOMING));

    j.complete("Task_ArrangeAirportAssistance", "airportAssistance", Journey.json("[\"DEPARTURE\"]"));
    clockAt(LocalDate.of(2026, 5, 15));
    j.report(events, CaseEvent.FLIGHT_REBOOKED, LocalDate.of(2026, 6, 2), "hjemrejsestyrelsen");
    assertThat(deadlines.calendar(j.caseRef())).filteredOn(e -> e.kind().startsWith("BEFORE_FLIGHT."))
        .extracting(Entry::kind, Entry::date, Entry::status)
        .as("moved with the flight; the airport assistance is arranged")
        .containsExactly(tuple("BEFORE_FLIGHT.DecideOnEscort", LocalDate.of(2026, 5, 26), Status.UPCOMING),
            tuple("BEFORE_FLIGHT.MeetBeforeDeparture", LocalDate.of(2026, 5, 28), Status.UPCOMING),
            tuple("BEFORE_FLIGHT.ArrangeAirportAssistance", LocalDate.of(2026, 5, 30), Status.DONE),
            tuple("BEFORE_FLIGHT.PreparePersonForDeparture", LocalDate.of(2026, 5, 31), Status.UPCOMING));
  }

  @Test
  void aPartnerGetsTheSameCalendarWithEveryDateAndItsBasisInWords() {
    Journey j = arrivedCase();
    List<Entry> asEngine = deadlines.calendar(j.caseRef());
    engine.getIdentityService().setAuthentication(TestUsers.PARTNER_NG, List.of("partner-ng"));
    List<Entry> asPartner = deadlines.calendar(j.caseRef());
    engine.getIdentityService().clearAuthentication();
    assertThat(asPartner).isEqualTo(asEngine).anyMatch(e -> e.kind().equals("CASH_SUPPORT"));

    // what each date is and its basis, in words in both languages: no internal names, no unfilled placeholders
    for (Entry e : asPartner) {
      for (Locale locale : List.of(Locale.forLanguageTag("da"), Locale.ENGLISH)) {
        String what = messages.getMessage("deadline." + e.key(), e.args().toArray(), locale);
        String basis = messages.getMessage("basis." + e.key(), e.args().toArray(), locale);
        assertThat(what + " " + basis).as("%s in %s", e.key(), locale)
            .doesNotContain("LeadTimes", "SupportMonth", "SupportPeriod", "CasePeriods", "{", "}", "  ");
      }
    }
    Entry firstCash = asPartner.stream().filter(e -> e.kind().equals("CASH_SUPPORT")).findFirst().orElseThrow();
    assertThat(messages.getMessage("deadline." + firstCash.key(), firstCash.args().toArray(), Locale.ENGLISH))
        .isEqualTo("Cash support, month 1");
    Entry report = asPartner.stream().filter(e -> e.kind().equals("PROGRESS_REPORT")).findFirst().orElseThrow();
    assertThat(messages.getMessage("basis." + report.key(), report.args().toArray(), Locale.forLanguageTag("da")))
        .isEqualTo("Støtteplanen: statusrapport 14 dage efter månedens udgang");
    Entry plan = asPartner.stream().filter(e -> e.kind().equals("PLAN_REFINED")).findFirst().orElseThrow();
    assertThat(messages.getMessage("basis." + plan.key(), plan.args().toArray(), Locale.forLanguageTag("da")))
        .contains("IOM's håndbog");
  }
}
