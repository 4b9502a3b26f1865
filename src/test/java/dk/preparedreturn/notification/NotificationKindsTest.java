package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Recipients and language of every kind of notification other than "new task" and "assigned"
 * (NotificationRecipientsTest): reminders before a due date, overdue escalations, the deadline
 * warnings, the hand-over and the managers' escalation when the departure deadline passes. Each
 * notification is checked in the outbox (recipients per language) and in the mailboxes of the SMTP
 * server (the mail arrived, in that language). Referral 2 March 2026; in the second test T0 is
 * 3 March, the departure deadline 2 April (due dates 2026-04-02 23:59), passed at 3 April 00:00.
 */
class NotificationKindsTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);
  static final String DANISH = "Denne e-mail indeholder ingen personoplysninger";
  static final String ENGLISH = "This e-mail contains no personal data";

  @Test
  void aReminderGoesToTheAssigneeOrTheGroupAndAnOverdueTaskAlwaysToTheGroup() {
    String hjsWithoutAddress = TestUsers.ensure(engine.getIdentityService(), "hjs-nomail", "hjemrejsestyrelsen",
        "Caseworker-Pw-10x!");
    Journey j = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");
    String ref = j.caseRef();
    Task screening = j.task("Task_ScreenReferral"); // due 5 March 23:59
    taskService().setAssignee(screening.getId(), TestUsers.CMM_CASEWORKER);

    // 1 reminder, two days ahead: to the assignee's own address, Danish
    clockAt(LocalDate.of(2026, 3, 4));
    reminders.scan();
    Outbox.Entry dueSoon = row(NotificationKind.TASK_DUE_SOON, screening.getId());
    assertThat(dueSoon.recipients()).containsExactly("cmm-test@example.org");
    reminders.scan();
    assertThat(rows(ref)).as("one reminder per task and due date, however often the scan runs")
        .filteredOn(e -> e.kind() == NotificationKind.TASK_DUE_SOON).hasSize(1);

    // 2 overdue: to CMM's mailbox although the task has an assignee (an escalation), Danish
    clockAt(LocalDate.of(2026, 3, 6));
    reminders.scan();
    Outbox.Entry overdue = row(NotificationKind.TASK_OVERDUE, screening.getId());
    assertThat(overdue.recipients()).containsExactly("cmm@example.org");

    // identified on 6 March: departure deadline 5 April
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate", "2026-03-06")
        .acceptOffer().assessedSafe();
    Task documents = j.task("Task_ObtainTravelDocuments");
    Task meeting = j.task("Task_MeetBeforeDeparture");
    Task preparePerson = j.task("Task_PreparePersonForDeparture");
    assertThat(preparePerson.getAssignee()).as("the contact person").isEqualTo(TestUsers.CMM_CASEWORKER);
    taskService().setAssignee(documents.getId(), hjsWithoutAddress);
    taskService().setAssignee(meeting.getId(), TestUsers.PARTNER_NG);

    // 3 reminders of the preparation tasks due on the departure deadline
    clockAt(LocalDate.of(2026, 4, 4));
    reminders.scan();
    assertThat(row(NotificationKind.TASK_DUE_SOON, preparePerson.getId()).recipients())
        .as("the contact person").containsExactly("cmm-test@example.org");
    assertThat(row(NotificationKind.TASK_DUE_SOON, documents.getId()).recipients())
        .as("an assignee without an address: the group's mailbox").containsExactly("hjemrejsestyrelsen@example.org");
    assertThat(row(NotificationKind.TASK_DUE_SOON, meeting.getId()).recipients())
        .as("the partner's caseworker").containsExactly("ng-test@example.org");

    // 4 a partner's task overdue: to the partner's mailbox, in English
    j.prepared(LocalDate.of(2026, 4, 5)).departed(LocalDate.of(2026, 4, 5));
    Task arrival = j.task("Task_ConfirmArrival"); // due 7 April 23:59
    clockAt(LocalDate.of(2026, 4, 8));
    reminders.scan();
    assertThat(row(NotificationKind.TASK_OVERDUE, arrival.getId()).recipients())
        .containsExactly("partner-ng@example.org");

    sendAll();
    assertThat(rows(ref)).allMatch(e -> e.status() == Outbox.Status.SENT);
    assertMail("cmm-test@example.org", dueSoon, DANISH, "Påmindelse: frist 05.03.2026 23:59 i sag " + ref
        + ": Gennemfør screening");
    assertMail("cmm@example.org", overdue, DANISH, "Overskredet frist i sag " + ref + ": Gennemfør screening");
    assertMail("cmm-test@example.org", row(NotificationKind.TASK_DUE_SOON, preparePerson.getId()), DANISH,
        "Påmindelse: frist 05.04.2026 23:59 i sag " + ref + ": Forbered personen på hjemrejsen");
    assertMail("hjemrejsestyrelsen@example.org", row(NotificationKind.TASK_DUE_SOON, documents.getId()), DANISH,
        "Påmindelse: frist 05.04.2026 23:59 i sag " + ref + ": Fremskaf id- og rejsedokumenter");
    assertMail("ng-test@example.org", row(NotificationKind.TASK_DUE_SOON, meeting.getId()), ENGLISH,
        "Reminder: due 5 Apr 2026 23:59 in case " + ref + ": Meet the person before departure");
    MimeMessage arrivalMail = assertMail("partner-ng@example.org", row(NotificationKind.TASK_OVERDUE, arrival.getId()),
        ENGLISH, "Overdue task in case " + ref + ": Confirm arrival and reception");
    assertThat(body(arrivalMail)).startsWith("A task is past its due date and not done.")
        .contains("Due:     7 Apr 2026 23:59", TASKLIST + "#/?task=" + arrival.getId());
  }

  @Test
  void warningsHandOverAndTheManagersEscalationReachTheRightPeopleInTheirLanguage() {
    // A: Nigeria, offer accepted: the partner takes part from the start of the preparation
    Journey a = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG").identify(T0).acceptOffer();
    // B: Romania, no partner agreement: DRC searches; the partner takes part once it is found
    Journey b = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "RO").identify(T0).acceptOffer();
    // C: Nigeria, the person has not decided when the deadline passes: the partner never took part
    Journey c = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG").identify(T0).informed();
    List<Journey> all = List.of(a, b, c);

    // 19 March 08:00, 14 days before the deadline: preparation late
    at(LocalDateTime.of(2026, 3, 19, 8, 0), all);
    assertThat(recipients(a, NotificationKind.PREPARATION_LATE)).isEqualTo(Map.of(
        "da", List.of("hjemrejsestyrelsen@example.org", "drc@example.org", "cmm@example.org"),
        "en", List.of("partner-ng@example.org")));
    assertThat(recipients(b, NotificationKind.PREPARATION_LATE)).as("no partner found yet").isEqualTo(Map.of(
        "da", List.of("hjemrejsestyrelsen@example.org", "drc@example.org", "cmm@example.org")));
    assertThat(recipients(c, NotificationKind.PREPARATION_LATE)).as("the partner has no part in the case")
        .isEqualTo(Map.of("da", List.of("hjemrejsestyrelsen@example.org", "drc@example.org", "cmm@example.org")));

    // 24 March 08:00, T0 + 21 days: the partner search is slow (B only)
    at(LocalDateTime.of(2026, 3, 24, 8, 0), all);
    assertThat(recipients(b, NotificationKind.PARTNER_SEARCH_SLOW)).isEqualTo(Map.of("da", List.of("drc@example.org")));
    assertThat(recipients(a, NotificationKind.PARTNER_SEARCH_SLOW)).isEmpty();
    b.complete("Task_FindLocalPartner", "localPartner", "partner-ro"); // the partner gets "Meet the person ..."

    // 26 March 08:00, 7 days before: the contact person and CMM are reminded of the extension request limit
    at(LocalDateTime.of(2026, 3, 26, 8, 0), all);
    for (Journey j : all) {
      assertThat(recipients(j, NotificationKind.EXTENSION_REQUEST_LIMIT)).isEqualTo(Map.of(
          "user", List.of("cmm-test@example.org"), "da", List.of("cmm@example.org")));
    }

    // 3 April 00:00: the deadline passed without departure
    at(LocalDate.of(2026, 4, 3).atStartOfDay(), all);
    for (Journey j : all) {
      assertThat(j.openTaskKeys()).containsExactly(PreparedReturnProcess.TASK_TAKE_OVER_AS_ORDINARY_RETURN);
      assertThat(recipients(j, NotificationKind.DEPARTURE_DEADLINE_PASSED)).as("the managers")
          .isEqualTo(Map.of("da", List.of("ledelse@example.org")));
    }
    assertThat(recipients(a, NotificationKind.HANDED_OVER)).isEqualTo(Map.of(
        "da", List.of("hjemrejsestyrelsen@example.org", "cmm@example.org", "drc@example.org",
            "udlaendingestyrelsen@example.org"),
        "user", List.of("cmm-test@example.org"),
        "en", List.of("partner-ng@example.org")));
    assertThat(recipients(b, NotificationKind.HANDED_OVER)).as("the partner found by DRC").isEqualTo(Map.of(
        "da", List.of("hjemrejsestyrelsen@example.org", "cmm@example.org", "drc@example.org",
            "udlaendingestyrelsen@example.org"),
        "user", List.of("cmm-test@example.org"),
        "en", List.of("partner-ro@example.org")));
    assertThat(recipients(c, NotificationKind.HANDED_OVER)).as("not to a partner that never had the case")
        .isEqualTo(Map.of(
            "da", List.of("hjemrejsestyrelsen@example.org", "cmm@example.org", "drc@example.org",
            "udlaendingestyrelsen@example.org"),
            "user", List.of("cmm-test@example.org")));

    // every notification arrives in every recipient's mailbox, in the recipient's language
    sendAll();
    for (Journey j : all) {
      for (Outbox.Entry entry : rows(j.caseRef())) {
        assertThat(entry.status()).isEqualTo(Outbox.Status.SENT);
        String language = entry.dedupKey().endsWith(":en") ? ENGLISH : DANISH;
        for (String recipient : entry.recipients()) {
          assertThat(body(delivered(recipient, entry))).as(entry.kind() + " to " + recipient).contains(language);
        }
      }
    }
    String ref = a.caseRef();
    assertMail("partner-ng@example.org", only(a, NotificationKind.HANDED_OVER, ":en"), ENGLISH,
        "Case " + ref + " handed over as an ordinary return");
    assertMail("partner-ng@example.org", only(a, NotificationKind.PREPARATION_LATE, ":en"), ENGLISH,
        "Departure deadline 2 Apr 2026 approaching in case " + ref);
    assertMail("cmm-test@example.org", only(a, NotificationKind.HANDED_OVER, ":user"), DANISH,
        "Sag " + ref + " overdraget som almindelig hjemrejse");
    MimeMessage managers = assertMail("ledelse@example.org", only(a, NotificationKind.DEPARTURE_DEADLINE_PASSED, ":da"),
        DANISH, "Udrejsefristen 02.04.2026 er overskredet uden udrejse i sag " + ref);
    assertThat(body(managers)).contains("Sag:            " + ref, "Udrejsefrist:   02.04.2026", TASKLIST);
    assertMail("partner-ro@example.org", only(b, NotificationKind.HANDED_OVER, ":en"), ENGLISH,
        "Case " + b.caseRef() + " handed over as an ordinary return");
    assertMail("drc@example.org", only(b, NotificationKind.PARTNER_SEARCH_SLOW, ":da"), DANISH,
        "Partnersøgning trækker ud i sag " + b.caseRef());
    assertMail("cmm-test@example.org", only(c, NotificationKind.EXTENSION_REQUEST_LIMIT, ":user"), DANISH,
        "Frist for anmodning om forlængelse 02.04.2026 i sag " + c.caseRef());
    assertThat(inbox("partner-ng@example.org")).as("nothing about case C reaches the partner")
        .noneMatch(m -> subject(m).contains(c.caseRef()) || body(m).contains(c.caseRef()));
    assertThat(inbox("ledelse@example.org")).as("the managers get only the escalations").hasSize(3)
        .allMatch(m -> subject(m).startsWith("Udrejsefristen 02.04.2026 er overskredet uden udrejse"));
  }

  /** Moves the clock and runs the due timers of the cases. */
  private static void at(LocalDateTime time, List<Journey> cases) {
    clockAt(time);
    cases.forEach(Journey::executeDueJobs);
  }

  /** The recipients of the case's notifications of that kind, by language ("da", "en") or "user". */
  private Map<String, List<String>> recipients(Journey j, NotificationKind kind) {
    Map<String, List<String>> byLanguage = new TreeMap<>();
    for (Outbox.Entry e : rows(j.caseRef())) {
      if (e.kind() == kind) {
        String key = e.dedupKey().substring(e.dedupKey().lastIndexOf(':') + 1);
        assertThat(byLanguage.put(key, e.recipients())).as(kind + " " + key + " queued once").isNull();
      }
    }
    return byLanguage;
  }

  private Outbox.Entry only(Journey j, NotificationKind kind, String keySuffix) {
    List<Outbox.Entry> found = rows(j.caseRef()).stream()
        .filter(e -> e.kind() == kind && e.dedupKey().endsWith(keySuffix)).toList();
    assertThat(found).as(kind + keySuffix).hasSize(1);
    return found.get(0);
  }

  private static MimeMessage assertMail(String mailbox, Outbox.Entry entry, String language, String subject) {
    MimeMessage mail = delivered(mailbox, entry);
    assertThat(subject(mail)).isEqualTo(subject);
    assertThat(body(mail)).contains(language);
    return mail;
  }
}
