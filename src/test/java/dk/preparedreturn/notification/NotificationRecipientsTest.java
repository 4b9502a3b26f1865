package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Who gets which mail, in which language, with which content: a new task goes to the shared
 * mailboxes of its candidate groups (Danish for Danish organisations, English for the partner
 * abroad), an assignment to the assignee's own address (unless they took the task themselves). The
 * mail carries the case reference, the task name, the due date and a link to the task in Tasklist.
 * Referral 2 March 2026, T0 3 March, departure deadline 2 April (due dates 2026-04-02 23:59).
 */
class NotificationRecipientsTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);

  @Test
  void newTasksGoToTheGroupMailboxesAndAssignmentsToTheAssignee() {
    Journey j = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");
    String ref = j.caseRef();
    Task screening = j.task("Task_ScreenReferral");
    j.complete("Task_ScreenReferral", "screeningResult", "INDICATORS_FOUND", "consentRecorded", true);
    Task decision = j.task("Task_DecideVictimStatus");
    List<String> decisionGroups = candidateGroups(decision);
    clockAt(T0);
    j.complete("Task_DecideVictimStatus", "identificationOutcome", "IDENTIFIED", "identificationDate", T0.toString());

    // a CMM caseworker takes "Tildel kontaktperson" herself: no mail to her for that
    Task assignContact = j.task("Task_AssignContactPerson");
    engine.getIdentityService().setAuthentication(TestUsers.CMM_CASEWORKER, List.of("cmm"));
    try {
      taskService().claim(assignContact.getId(), TestUsers.CMM_CASEWORKER);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    j.complete("Task_AssignContactPerson", "contactPerson", TestUsers.CMM_CASEWORKER);
    Task inform = j.task("Task_InformAboutOffer");
    assertThat(inform.getAssignee()).isEqualTo(TestUsers.CMM_CASEWORKER);
    j.complete("Task_InformAboutOffer", "informedOn", T0.toString(), "informedVoluntary", true, "informedNoPoliceCondition", true, "informedSupport", true, "informedDeadline", true);
    j.complete("Task_RecordDecision", "offerDecision", "ACCEPTED", "offerConsent", true,
        "dataSharingConsent", true, "returnCountryChoice", "HOME_COUNTRY");

    Task meeting = j.task("Task_MeetBeforeDeparture");
    Task documents = j.task("Task_ObtainTravelDocuments");
    // assignments made by someone else (a team lead, the REST API): mail to the assignee
    taskService().setAssignee(documents.getId(), TestUsers.HJS_CASEWORKER);
    taskService().setAssignee(meeting.getId(), TestUsers.PARTNER_NG);

    int sent = sendAll();
    assertThat(sent).as("every queued notification went out").isEqualTo(rows().size());
    assertThat(rows()).allMatch(e -> e.status() == Outbox.Status.SENT);

    // 1 a new CMM task: to CMM's mailbox only, in Danish, exactly as the template says
    Outbox.Entry screeningCreated = row(NotificationKind.TASK_CREATED, screening.getId());
    assertThat(screeningCreated.recipients()).containsExactly("cmm@example.org");
    MimeMessage screeningMail = delivered("cmm@example.org", screeningCreated);
    assertThat(subject(screeningMail)).isEqualTo("Ny opgave i sag " + ref + ": Gennemfør screening");
    assertThat(body(screeningMail)).isEqualTo("""
        Der er en ny opgave til jeres organisation.

        Sag:     %s
        Opgave:  Gennemfør screening
        Frist:   %s

        Åbn opgaven: %s#/?task=%s
        Åbn sagen: https://tasklist.example.test/app/cases/%s

        Denne e-mail indeholder ingen personoplysninger. Oplysninger om sagen finder du i Tasklist.
        Svar ikke på denne e-mail.""".formatted(ref, due(screening), TASKLIST, screening.getId(), ref));
    assertThat(header(screeningMail, "From")).isEqualTo(FROM);
    assertThat(header(screeningMail, "To")).isEqualTo("cmm@example.org");
    assertThat(messageId(screeningMail)).isEqualTo("<" + screeningCreated.id() + "@prepared-return>");

    // 2 the identification decision: to the mailbox of the identifying body the rules chose
    Outbox.Entry decisionCreated = row(NotificationKind.TASK_CREATED, decision.getId());
    assertThat(decisionCreated.recipients())
        .containsExactlyElementsOf(decisionGroups.stream().map(g -> properties.mailboxes().get(g)).toList());
    assertThat(subject(delivered(decisionCreated.recipients().get(0), decisionCreated)))
        .isEqualTo("Ny opgave i sag " + ref + ": Træf afgørelse om offerstatus");

    // 3 the partner's meeting task: to partner-ng's mailbox, in English, and to no Danish mailbox
    Outbox.Entry meetingCreated = row(NotificationKind.TASK_CREATED, meeting.getId());
    assertThat(meetingCreated.recipients()).containsExactly("partner-ng@example.org");
    MimeMessage meetingMail = delivered("partner-ng@example.org", meetingCreated);
    assertThat(subject(meetingMail)).isEqualTo("New task in case " + ref + ": Meet the person before departure");
    assertThat(body(meetingMail)).isEqualTo("""
        There is a new task for your organisation.

        Case:    %s
        Task:    Meet the person before departure
        Due:     2 Apr 2026 23:59

        Open the task: https://tasklist.example.test/camunda/app/tasklist/default/#/?task=%s
        Open the case: https://tasklist.example.test/app/cases/%s

        This e-mail contains no personal data. You find the case in Tasklist.
        Do not reply to this e-mail.""".formatted(ref, meeting.getId(), ref));
    for (String danish : List.of("cmm@example.org", "drc@example.org", "hjemrejsestyrelsen@example.org",
        "udlaendingestyrelsen@example.org")) {
      assertThat(inbox(danish)).as(danish).noneMatch(m -> body(m).contains(meeting.getId()));
    }

    // 4 a task created with the contact person as assignee: to her own address, not to CMM's mailbox
    Outbox.Entry informAssigned = row(NotificationKind.TASK_ASSIGNED, inform.getId());
    assertThat(informAssigned.recipients()).containsExactly("cmm-test@example.org");
    MimeMessage informMail = delivered("cmm-test@example.org", informAssigned);
    assertThat(subject(informMail))
        .isEqualTo("Opgave tildelt dig i sag " + ref + ": Informér om forberedt hjemsendelse");
    assertThat(body(informMail)).startsWith("En opgave er tildelt dig.")
        .contains("Sag:     " + ref, "Opgave:  Informér om forberedt hjemsendelse", "Frist:   02.04.2026 23:59",
            "Åbn opgaven: " + TASKLIST + "#/?task=" + inform.getId());
    assertThat(inbox("cmm@example.org")).noneMatch(m -> body(m).contains(inform.getId()));

    // 5 an assignment by someone else: to the assignee, Danish for a Danish caseworker ...
    Outbox.Entry documentsAssigned = row(NotificationKind.TASK_ASSIGNED, documents.getId());
    assertThat(documentsAssigned.recipients()).containsExactly("hjs-test@example.org");
    MimeMessage documentsMail = delivered("hjs-test@example.org", documentsAssigned);
    assertThat(subject(documentsMail))
        .isEqualTo("Opgave tildelt dig i sag " + ref + ": Fremskaf id- og rejsedokumenter");
    assertThat(body(documentsMail)).contains("Frist:   02.04.2026 23:59",
        "Åbn opgaven: " + TASKLIST + "#/?task=" + documents.getId());
    // ... English for a partner's caseworker
    Outbox.Entry meetingAssigned = row(NotificationKind.TASK_ASSIGNED, meeting.getId());
    MimeMessage partnerMail = delivered("ng-test@example.org", meetingAssigned);
    assertThat(subject(partnerMail))
        .isEqualTo("Task assigned to you in case " + ref + ": Meet the person before departure");
    assertThat(body(partnerMail)).startsWith("A task has been assigned to you.")
        .contains("Case:    " + ref, "Due:     2 Apr 2026 23:59", TASKLIST + "#/?task=" + meeting.getId());

    // 6 who took a task herself is not told about it; the task was still announced to CMM
    assertThat(rows()).noneMatch(e -> e.kind() == NotificationKind.TASK_ASSIGNED
        && assignContact.getId().equals(e.taskId()));
    assertThat(row(NotificationKind.TASK_CREATED, assignContact.getId()).recipients())
        .containsExactly("cmm@example.org");

    // one mail per recipient of each notification, nothing else
    assertThat(received()).hasSize(rows().stream().mapToInt(e -> e.recipients().size()).sum());
  }

  private List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** A due date as a Danish caseworker reads it in a mail (07.12.2026 23:59). */
  private static String due(Task task) {
    return DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(task.getDueDate().toInstant().atZone(Journey.ZONE));
  }
}
