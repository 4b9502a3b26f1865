package dk.preparedreturn.casepage;

import dk.preparedreturn.testsupport.WebappsEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.PostgresIntegrationTest;
import dk.preparedreturn.testsupport.TestUsers;
import dk.preparedreturn.testsupport.WebappSession;
import java.net.http.HttpResponse;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.ReintegrationPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page as caseworkers open it from Tasklist (their webapp session): each organisation that
 * takes part sees the case in its language with what it may see of the person (each view in the
 * access log), others get "not found"; an event is reported from the page's form as the signed-in
 * user, and the form is refused without the session's token or from another origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePageIT extends PostgresIntegrationTest {

  static final String PASSWORD = "CasePage-Test-Passw0rd!";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReferralService referrals;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CaseService cases;

  Journey nigeria;

  @BeforeEach
  void aCaseInPreparation() {
    WebappsEngine.use(engine);
    if (nigeria != null) {
      return;
    }
    TestUsers.ensure(engine.getIdentityService());
    TestUsers.ensure(engine.getIdentityService(), "cp-cmm", "cmm", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "cp-hjs", "hjemrejsestyrelsen", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "cp-ng", "partner-ng", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "cp-th", "partner-th", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "cp-drc", "drc", PASSWORD);
    TestUsers.ensure(engine.getIdentityService(), "cp-mgr", "ledelse", PASSWORD);
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(10);
      Journey.clockAt(t0.minusDays(2));
      nigeria = Journey.start(engine, referrals, Journey.referral("CP-NG-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      nigeria.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      nigeria.acceptOffer().executeDueJobs();
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void eachOrganisationSeesTheCaseInItsLanguageWithWhatItMaySeeOfThePerson() throws Exception {
    String page = "/app/cases/" + nigeria.caseRef();
    long logged = accessLog();
    HttpResponse<String> cmm = session("cp-cmm", "tasklist").get(page);
    assertThat(cmm.statusCode()).isEqualTo(200);
    assertThat(cmm.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(cmm.body()).contains("<html lang=\"da\">", "Sag " + nigeria.caseRef(), "Forberedelse af hjemrejsen",
        "Testperson Fiktiv", "Form for udnyttelse", "Fremskaf id- og rejsedokumenter", "Mød personen før udrejsen",
        "Hjemrejsestyrelsen", "Partner i Nigeria", "Registrér en hændelse",
        "Anmodning om forlængelse af udrejsefristen", "Identificeret som offer for menneskehandel",
        // the person's data in words, the contact person by name, each finished step with its outcome
        "Kvinde", "Seksuel udnyttelse", "Nigeria", "Udfald", "Der er indikatorer på menneskehandel",
        "Tager imod tilbuddet");
    assertThat(cmm.body()).doesNotContain("FEMALE", "SEXUAL", ">NG<");
    assertThat(accessLog()).as("the view of the person's data is logged").isEqualTo(logged + 1);

    HttpResponse<String> hjs = session("cp-hjs", "tasklist").get(page);
    assertThat(hjs.body()).contains("Testperson Fiktiv", "Statsborgerskab").doesNotContain("Form for udnyttelse",
        "Antal børn");

    HttpResponse<String> partner = session("cp-ng", "tasklist").get(page);
    assertThat(partner.statusCode()).isEqualTo(200);
    assertThat(partner.body()).contains("<html lang=\"en\">", "Case " + nigeria.caseRef(), "Return preparation",
        "Obtain ID and travel documents", "Meet the person before departure", "Danish Return Agency",
        "The person withdrew from the offer").doesNotContain("Form for udnyttelse", "Type of exploitation",
        "Extension of the departure deadline requested");

    HttpResponse<String> foreign = session("cp-th", "tasklist").get(page);
    HttpResponse<String> unknown = session("cp-th", "tasklist").get("/app/cases/FH-2026-ZZZZZZ");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(foreign.body().replace(nigeria.caseRef(), "X")).isEqualTo(unknown.body().replace("FH-2026-ZZZZZZ", "X"));
    assertThat(foreign.body()).doesNotContain("Testperson");
    assertThat(session("cp-drc", "tasklist").get(page).statusCode()).as("DRC does not take part yet").isEqualTo(404);
  }

  /** The budget ledger for CMM (Danish notation) and the partner (English), not for Hjemrejsestyrelsen. */
  @Test
  void theBudgetLedgerIsShownToCmmAndThePartnerInTheirNotation() throws Exception {
    String ref = nigeria.caseRef();
    String page = "/app/cases/" + ref;
    assertThat(session("cp-cmm", "tasklist").get(page).body()).contains("Budget", "Ingen reintegrationsplan endnu.");
    cases.recordPlan(ref, new ReintegrationPlan(new BigDecimal("20000"), null, new BigDecimal("1500")), "cp-drc");
    cases.recordPayment(ref, 1, "CASH", "DAILY_NEEDS", new BigDecimal("1500"), "DKK", "PAID", "cp-ng");
    cases.recordClaimDecision(ref, 7, "HOUSING", new BigDecimal("900"), "DKK", "APPROVED", null, "cp-drc");
    cases.recordClaimDecision(ref, 7, "HEALTH", new BigDecimal("250.50"), "DKK", "REJECTED", null, "cp-drc");

    String cmm = session("cp-cmm", "tasklist").get(page).body();
    assertThat(cmm).contains("Budget i alt", "20.000,00", "Kontant støtte udbetalt", "1.500,00", "Refusionskrav behandlet",
        "1.150,50", "Godkendte krav", "900,00", "Afviste krav", "250,50", "Resterende budget", "17.600,00")
        .doesNotContain("Resterende budget til børn");
    String partner = session("cp-ng", "tasklist").get(page).body();
    assertThat(partner).contains("Total budget", "20,000.00", "Cash support paid", "Claims approved",
        "Remaining budget", "17,600.00").doesNotContain("Budget i alt");
    assertThat(session("cp-hjs", "tasklist").get(page).body()).doesNotContain("Resterende budget", "20.000,00");
  }

  /** The children travelling and the risk assessment's outcome: the Danish organisations see both, the partner only the children. */
  @Test
  void theAccompanyingChildrenAndTheRiskAssessmentAreShownToWhoNeedsThem() throws Exception {
    Journey j;
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(10);
      Journey.clockAt(t0.minusDays(2));
      j = Journey.start(engine, referrals, Journey.referral("CP-RISK-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      j.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      j.acceptOffer().complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
              "documentsValidUntil", t0.plusYears(1).toString(), "accompanyingChildren", 2, "childrenDocumentsObtained",
              true)
          .complete("Task_ContributeToRiskAssessment", "familyInvolvementRisk", "LOW", "fitnessToTravel", "FIT")
          .complete("Task_AssessReturnSafety", "reTraffickingRisk", "HIGH", "retaliationRisk", "LOW",
              "cmmContributionConsidered", true);
    } finally {
      ClockUtil.reset();
    }
    String page = "/app/cases/" + j.caseRef();
    String cmm = session("cp-cmm", "tasklist").get(page).body();
    assertThat(cmm).contains("Medrejsende børn", "Risikovurdering før hjemrejsen", "hjemrejsen er ikke sikker")
        .doesNotContain("Mindreårig ved henvisningen");
    String partner = session("cp-ng", "tasklist").get(page).body();
    assertThat(partner).contains("Accompanying children").doesNotContain("Risk assessment", "not safe");
  }

  @Test
  void anEventIsReportedFromThePageAsTheSignedInUserAndOnlyWithTheSessionsTokenFromThisOrigin() throws Exception {
    WebappSession cmm = session("cp-cmm", "tasklist");
    String page = "/app/cases/" + nigeria.caseRef();
    String token = token(cmm.get(page).body());
    String today = LocalDate.now(Journey.ZONE).toString();
    String form = "_csrf=" + token + "&event=EXTENSION_REQUESTED&eventDate=" + today;

    assertThat(cmm.postForm(page + "/events", "event=EXTENSION_REQUESTED&eventDate=" + today, cmm.origin()).statusCode())
        .as("without the token nobody is signed in").isEqualTo(401);
    assertThat(cmm.postForm(page + "/events", form, "http://evil.example").statusCode())
        .as("from another origin").isEqualTo(401);
    assertThat(cmm.postForm(page + "/events", form + "&reportedBy=cp-hjs", cmm.origin()).statusCode())
        .as("a field the form does not have").isEqualTo(400);
    assertThat(cmm.postForm(page + "/events", "_csrf=" + token + "&event=FLIGHT_REBOOKED&eventDate=" + today
        + "&newDate=" + today, cmm.origin()).statusCode()).as("CMM does not book flights").isEqualTo(400);
    assertThat(nigeria.hasTask("Task_DecideOnExtension")).isFalse();

    HttpResponse<String> reported = cmm.postForm(page + "/events", form, cmm.origin());
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);
    assertThat(reported.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(page + "?reported=EXTENSION_REQUESTED"));
    assertThat(nigeria.hasTask("Task_DecideOnExtension")).isTrue();
    HttpResponse<String> after = cmm.get(page + "?reported=EXTENSION_REQUESTED");
    assertThat(after.body()).contains("Hændelsen er registreret: Anmodning om forlængelse af udrejsefristen",
        "Træf afgørelse om forlængelse").containsPattern("Registreret af [^<]*cp-cmm\\)?, Center mod Menneskehandel");

    HttpResponse<String> again = cmm.postForm(page + "/events", form, cmm.origin());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("Der er allerede en anmodning om forlængelse, som afventer afgørelse");
  }

  @Test
  void aRebookingRecordsTheNewFlightAndABadFlightNumberChangesNothing() throws Exception {
    LocalDate today = LocalDate.now(Journey.ZONE);
    Journey booked;
    try {
      Journey.clockAt(today.minusDays(3));
      booked = Journey.start(engine, referrals, Journey.referral("CP-RB-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", today.minusDays(3)));
      booked.identify(today.minusDays(2));
      Journey.clockAt(today.minusDays(1));
      booked.acceptOffer().executeDueJobs();
    } finally {
      ClockUtil.reset();
    }
    booked.complete("Task_ObtainTravelDocuments", "travelDocuments", Journey.json("[\"PASSPORT\"]"),
        "documentsValidUntil", today.plusYears(1).toString(), "accompanyingChildren", 0)
        .assessedSafe()
        .complete("Task_BookFlight", "plannedDepartureDate", today.plusDays(10).toString(), "flightNumber", "SK 99");
    WebappSession hjs = session("cp-hjs", "tasklist");
    String page = "/app/cases/" + booked.caseRef();
    String html = hjs.get(page).body();
    assertThat(html).contains("Nyt flynummer (kun ved ombooking)", "SK 99");
    String rebooking = "_csrf=" + token(html) + "&event=FLIGHT_REBOOKED&eventDate=" + today + "&newDate="
        + today.plusDays(12);
    long events = eventsOf(booked.caseRef());

    HttpResponse<String> bad = hjs.postForm(page + "/events", rebooking + "&flightNumber=fly%2012", hjs.origin());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Flynummeret skal skrives som på billetten, f.eks. SK 1234");
    HttpResponse<String> none = hjs.postForm(page + "/events", rebooking, hjs.origin());
    assertThat(none.statusCode()).as("a rebooking without a flight number").isEqualTo(400);
    assertThat(cases.require(booked.caseRef()).plannedDepartureDate()).as("nothing changed")
        .isEqualTo(today.plusDays(10));
    assertThat(eventsOf(booked.caseRef())).isEqualTo(events);
    assertThat(hjs.get(page).body()).contains("SK 99").doesNotContain("fly 12");

    HttpResponse<String> rebooked = hjs.postForm(page + "/events", rebooking + "&flightNumber=KL%201143", hjs.origin());
    assertThat(rebooked.statusCode()).as(rebooked.body()).isEqualTo(302);
    assertThat(cases.require(booked.caseRef()).plannedDepartureDate()).isEqualTo(today.plusDays(12));
    String after = hjs.get(page + "?reported=FLIGHT_REBOOKED").body();
    assertThat(after).contains("KL 1143", "ny udrejse " + today.plusDays(12).format(
        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " med KL 1143");
  }

  @Test
  void theCasePageRefusesParametersItDoesNotKnowAndIsFramedOnlyByTheService() throws Exception {
    String page = "/app/cases/" + nigeria.caseRef();
    WebappSession cmm = session("cp-cmm", "tasklist");
    HttpResponse<String> plain = cmm.get(page);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("frame-ancestors 'self'", "default-src 'none'"));
    assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(plain.body()).contains("<header class=\"app\"");

    HttpResponse<String> unknown = cmm.get(page + "?debug=1");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Adressen indeholder en parameter, siden ikke kender.");
    assertThat(cmm.get(page + "?view=full").statusCode()).isEqualTo(400);
    assertThat(cmm.get(page + "?reported=NO_SUCH_EVENT").statusCode()).isEqualTo(400);
    assertThat(session("cp-th", "tasklist").get(page + "?debug=1").statusCode())
        .as("a case the caller may not see stays a 404 whatever the parameters").isEqualTo(404);

    // Tasklist's "Sag" tab: the same page without the header; links open in a new tab
    HttpResponse<String> tab = cmm.get(page + "?view=tab");
    assertThat(tab.statusCode()).isEqualTo(200);
    assertThat(tab.body()).doesNotContain("<header class=\"app\"").contains("<base target=\"_blank\">",
        "name=\"view\" value=\"tab\"", "Sag " + nigeria.caseRef());
  }

  long eventsOf(String caseRef) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseRef)
        .processDefinitionKeyIn("RecordCaseEvent", "ReportPartnerEvent").count();
  }

  @Test
  void aCaseIsFoundByReferenceAndByNameOrBirthDateOnlyAmongTheCasesTheOrganisationTakesPartIn() throws Exception {
    String ref = nigeria.caseRef();
    long searches = searches();
    WebappSession cmm = session("cp-cmm", "tasklist");
    HttpResponse<String> byReference = cmm.get("/app/cases?q=" + ref.substring(3).toLowerCase());
    assertThat(byReference.statusCode()).isEqualTo(200);
    assertThat(byReference.body()).contains("<html lang=\"da\">", "Find en sag", "href=\"/app/cases/" + ref + "\"")
        .doesNotContain("Testperson");
    assertThat(searches()).as("a search by reference shows no person data").isEqualTo(searches);

    HttpResponse<String> byName = cmm.get("/app/cases?q=testperson+fikt");
    assertThat(byName.body()).contains("href=\"/app/cases/" + ref + "\"", "Testperson Fiktiv", "12.04.1995",
        "registreret i adgangsloggen");
    assertThat(searches()).as("each hit of a search by name is in the access log").isEqualTo(searches + 1);
    assertThat(jdbc.sql("SELECT fields FROM audit_log WHERE case_ref = ? AND action = 'PERSON_SEARCH' AND user_id = ?"
        + " ORDER BY id DESC").params(ref, "cp-cmm").query(String.class).list().get(0))
        .isEqualTo("searchedBy=fullName,fullName,dateOfBirth");
    assertThat(cmm.get("/app/cases?q=12.04.1995").body()).contains("href=\"/app/cases/" + ref + "\"");
    assertThat(searches()).isEqualTo(searches + 2);

    WebappSession thailand = session("cp-th", "tasklist");
    HttpResponse<String> foreign = thailand.get("/app/cases?q=" + ref);
    assertThat(foreign.statusCode()).isEqualTo(200);
    assertThat(foreign.body()).contains("<html lang=\"en\">", "No case found")
        .doesNotContain("href=\"/app/cases/" + ref);
    assertThat(thailand.get("/app/cases?q=Testperson").body()).doesNotContain(ref);
    assertThat(searches()).as("no hit in this case, nothing logged for it").isEqualTo(searches + 2);

    WebappSession manager = session("cp-mgr", "cockpit");
    assertThat(manager.get("/app/cases?q=" + ref).body()).contains("href=\"/app/cases/" + ref + "\"");
    HttpResponse<String> managerByName = manager.get("/app/cases?q=Testperson");
    assertThat(managerByName.body()).contains("kan kun søge på sagsreference").doesNotContain("Testperson Fiktiv");

    HttpResponse<String> extra = cmm.get("/app/cases?q=" + ref + "&groups=ledelse");
    assertThat(extra.statusCode()).as("a parameter the search does not have").isEqualTo(400);
    assertThat(extra.body()).contains("Formularen indeholder et felt, den ikke kender").doesNotContain("href=\"/app/cases/" + ref);
    HttpResponse<String> tooLong = cmm.get("/app/cases?q=" + "a".repeat(101));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("Højst 100 tegn.");
    assertThat(searches()).as("refused searches are not run").isEqualTo(searches + 2);
  }

  @Test
  void theCountryChosenWithThePersonIsShownAndDrcTransfersTheCaseToAnotherPartnerOfTheCountry() throws Exception {
    Journey italy;
    Journey lagos;
    try {
      LocalDate t0 = LocalDate.now(Journey.ZONE).minusDays(10);
      Journey.clockAt(t0.minusDays(2));
      italy = Journey.start(engine, referrals, Journey.referral("CP-IT-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      lagos = Journey.start(engine, referrals, Journey.referral("CP-LA-" + UUID.randomUUID(),
          Referral.ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", t0.minusDays(2)));
      italy.identify(t0);
      lagos.identify(t0);
      Journey.clockAt(t0.plusDays(1));
      italy.informed().complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
          "dataSharingConsent", true, "returnCountryChoice", "RESIDENCE_COUNTRY", "returnCountry", "IT",
          "residenceEvidence", "EU_FAMILY_MEMBER_CARD", "residenceValidUntil", "2099-01-31");
      lagos.acceptOffer().executeDueJobs();
    } finally {
      ClockUtil.reset();
    }
    String italian = session("cp-cmm", "tasklist").get("/app/cases/" + italy.caseRef()).body();
    assertThat(italian).contains("Italien", "Hjemland", "Nigeria",
        "Opholdskort som familiemedlem til en EU-borger, gyldig til 31.01.2099");

    String page = "/app/cases/" + lagos.caseRef();
    assertThat(session("cp-cmm", "tasklist").get(page).body()).contains("hjemlandet, valgt med personen")
        .doesNotContain("Overfør sagen til en anden partner");
    jdbc.sql("INSERT INTO case_participant (case_ref, group_id, since) VALUES (?, 'drc', CURRENT_TIMESTAMP)")
        .param(lagos.caseRef()).update();
    WebappSession drc = session("cp-drc", "tasklist");
    String body = drc.get(page).body();
    assertThat(body).contains("Overfør sagen til en anden partner", "value=\"partner-ng-lagos\"")
        .doesNotContain("value=\"partner-th\"");
    String token = token(body);
    assertThat(drc.postForm(page + "/transfer", "newPartner=partner-ng-lagos", drc.origin()).statusCode())
        .as("without the token nobody is signed in").isEqualTo(401);
    HttpResponse<String> foreign = drc.postForm(page + "/transfer", "_csrf=" + token + "&newPartner=partner-th",
        drc.origin());
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("Den nye partner skal være en partner i sagens hjemrejseland");
    assertThat(lagos.hasTask("Task_HandOverCase")).isFalse();
    // the same through the REST API (DRC's own system): another country's partner or an unknown field, 400
    HttpResponse<String> apiForeign = api("cp-drc", "/api/cases/" + lagos.caseRef() + "/transfer",
        "{\"newPartner\": \"partner-th\"}");
    assertThat(apiForeign.statusCode()).isEqualTo(400);
    assertThat(apiForeign.body()).contains("newPartner");
    assertThat(api("cp-drc", "/api/cases/" + lagos.caseRef() + "/transfer",
        "{\"newPartner\": \"partner-ng-lagos\", \"handOverDays\": 0}").statusCode()).isEqualTo(400);
    assertThat(api("cp-th", "/api/cases/" + lagos.caseRef() + "/transfer",
        "{\"newPartner\": \"partner-ng-lagos\"}").statusCode()).as("not a participant").isEqualTo(404);
    assertThat(lagos.hasTask("Task_HandOverCase")).as("nothing started").isFalse();

    HttpResponse<String> started = drc.postForm(page + "/transfer", "_csrf=" + token + "&newPartner=partner-ng-lagos",
        drc.origin());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith(page + "?transfer=started"));
    assertThat(lagos.hasTask("Task_HandOverCase")).isTrue();
    assertThat(drc.get(page + "?transfer=started").body()).contains("Overførslen er startet",
        "Hand over the case to the new partner");
    assertThat(api("cp-drc", "/api/cases/" + lagos.caseRef() + "/transfer", "{\"newPartner\": \"partner-ng-lagos\"}")
        .statusCode()).as("one transfer at a time, also through the API").isEqualTo(400);
  }

  /** A JSON POST to the REST API with HTTP Basic, as another organisation's system makes it. */
  HttpResponse<String> api(String user, String path, String json) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  long searches() {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE case_ref = ? AND action = 'PERSON_SEARCH'")
        .param(nigeria.caseRef()).query(Long.class).single();
  }

  long accessLog() {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE case_ref = ?").param(nigeria.caseRef()).query(Long.class)
        .single();
  }

  WebappSession session(String user, String app) throws Exception {
    return WebappSession.login(port, user, PASSWORD, app);
  }

  static String token(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the form carries the session's token").isTrue();
    return m.group(1);
  }
}
