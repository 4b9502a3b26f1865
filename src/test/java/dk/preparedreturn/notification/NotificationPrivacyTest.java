package dk.preparedreturn.notification;

import static dk.preparedreturn.testsupport.Journey.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.Referral.ResidenceStatus;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * No mail ever carries personal data. A person as in the demo (name, date of birth, nationality,
 * gender, form of exploitation in the referral) goes through identification, the offer, the
 * preparation with its deadline warnings, departure, arrival and three support months, with
 * reminder scans along the way; a second case waits in vain for a partner (partner-search warning)
 * and is handed over at the deadline. Every mail of every kind is sent to GreenMail and inspected:
 * subject, body and all headers.
 */
class NotificationPrivacyTest extends NotificationTestSupport {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final LocalDate T0 = LocalDate.of(2026, 3, 3);
  static final Pattern CASE_REF = Pattern.compile("FH-\\d{4}-[2-9A-HJKMNP-Z]{6}");

  @org.springframework.beans.factory.annotation.Autowired
  dk.preparedreturn.transfer.PartnerTransfers transfers;
  @org.springframework.beans.factory.annotation.Autowired
  dk.preparedreturn.casefile.CaseParticipation participation;

  @Test
  void noMailContainsPersonalDataAndEveryMailHasOnlyTheAllowedContent() {
    Set<String> caseRefs = new LinkedHashSet<>();

    // case A: Nigeria, the whole way to the third support month
    Journey a = newCase(REFERRAL, ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");
    caseRefs.add(a.caseRef());
    reminders.scan();
    a.identify(T0).acceptOffer();
    taskService().setAssignee(a.task("Task_ObtainTravelDocuments").getId(), TestUsers.HJS_CASEWORKER);
    clockAt(LocalDateTime.of(2026, 3, 19, 8, 0));
    a.executeDueJobs(); // preparation warning (deadline - 14 days)
    clockAt(LocalDateTime.of(2026, 3, 26, 8, 0));
    a.executeDueJobs(); // reminder to the contact person about the extension request limit
    clockAt(LocalDate.of(2026, 4, 1));
    reminders.scan(); // the preparation tasks are due on 2 April
    a.prepared(LocalDate.of(2026, 4, 2)).departed(LocalDate.of(2026, 4, 2));
    clockAt(LocalDate.of(2026, 4, 6));
    a.executeDueJobs(); // the arrival is not confirmed in time: DRC follows up
    reminders.scan(); // ... and the partner's confirmation is overdue
    if (a.hasTask("Task_FollowUpMissingArrival")) {
      a.complete("Task_FollowUpMissingArrival", "arrivalFollowUp", "PARTNER_REMINDED");
    }
    a.complete("Task_ConfirmArrival", "arrivalDate", "2026-04-03", "accommodation", "FAMILY");
    a.executeDueJobs();
    LocalDate arrival = LocalDate.of(2026, 4, 3);
    for (int month = 1; month <= 3; month++) {
      if (month > 1) {
        a.on(arrival.plusMonths(month - 1));
      }
      reminders.scan();
      if (month == 1) {
        a.complete("Task_RefineReintegrationPlan", "planAgreedOn", Journey.today().toString(), "refinedPlanAreas",
            Journey.json("[\"BUSINESS\"]"), "economicSituation", "2",
            "socialSituation", "3", "psychosocialSituation", "2");
      }
      a.complete("Task_PayCashSupport", "cashAmount", 1500, "paidOn", Journey.today().toString());
      if (month == 3) {
        a.complete("Task_SubmitProgressReport", "economicSituation", "3", "socialSituation", "3",
            "psychosocialSituation", "3", "planProgress", "ON_TRACK");
      }
    }

    // case A moves to the regional partner in Lagos: the new partner and DRC are told
    participation.join(a.caseRef(), "drc");
    transfers.start(a.caseRef(), "partner-ng-lagos", new dk.preparedreturn.identity.Caller(TestUsers.DRC_CASEWORKER,
        java.util.List.of("drc")));
    a.complete("Task_HandOverCase", "handedOver", Journey.json("[\"PLAN_AND_PROGRESS\"]"), "personInformed", true,
        "handedOverOn", Journey.today().toString());

    // case C: Nigeria, the person declines: Udlændingestyrelsen is told (the decline can still be changed)
    Journey c = newCase(LocalDate.of(2026, 5, 4), ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG");
    caseRefs.add(c.caseRef());
    c.identify(LocalDate.of(2026, 5, 5)).informed().complete("Task_RecordDecision", "offerDecision", "DECLINED");

    // case B: Romania, no partner agreement: the partner search is slow and the deadline passes
    Journey b = newCase(LocalDate.of(2026, 5, 4), ResidenceStatus.NO_LAWFUL_RESIDENCE, "RO");
    caseRefs.add(b.caseRef());
    b.identify(LocalDate.of(2026, 5, 5)).acceptOffer();
    clockAt(LocalDateTime.of(2026, 5, 26, 8, 0));
    b.executeDueJobs(); // partner search warning
    clockAt(LocalDateTime.of(2026, 6, 5, 0, 0));
    b.executeDueJobs(); // departure deadline 4 June passed: handed over as an ordinary return
    reminders.scan();

    int sent = sendAll();
    List<Outbox.Entry> rows = rows();
    assertThat(rows).allMatch(e -> e.status() == Outbox.Status.SENT);
    assertThat(sent).isEqualTo(rows.size());
    assertThat(rows.stream().map(Outbox.Entry::kind).collect(Collectors.toCollection(
        () -> EnumSet.noneOf(NotificationKind.class))))
        .as("the journey produced every kind of notification").containsExactlyInAnyOrder(NotificationKind.values());
    List<MimeMessage> mails = received();
    for (String ref : caseRefs) {
      assertThat(mails).as("mails about " + ref).anyMatch(m -> subject(m).contains(ref));
    }
    assertThat(mails).as("one message per recipient of each notification")
        .hasSize(rows.stream().mapToInt(e -> e.recipients().size()).sum()).hasSizeGreaterThan(40);

    // 1 nothing about the person anywhere in any mail
    dk.preparedreturn.casefile.PersonData person = Journey.referral("X", ResidenceStatus.NO_LAWFUL_RESIDENCE, "NG", REFERRAL).person();
    LocalDate born = person.dateOfBirth();
    List<String> forbidden = new ArrayList<>(List.of(person.fullName(), "Testperson", "Fiktiv",
        born.toString(), born.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")),
        born.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), born.format(DateTimeFormatter.ofPattern("d.M.yyyy")),
        born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), born.format(DateTimeFormatter.ofPattern("ddMMyy")),
        born.format(DateTimeFormatter.ofPattern("yyyyMMdd")),
        "Nigeria", "nigerian", "nigeriansk", person.exploitationType(), "seksuel", "sexual exploitation",
        person.gender(), "kvinde"));
    Pattern nationalityCode = Pattern.compile("\\b" + person.nationality() + "\\b");
    for (MimeMessage mail : mails) {
      List<String> texts = new ArrayList<>(headers(mail));
      texts.add(subject(mail));
      texts.add(body(mail));
      for (String text : texts) {
        for (String word : forbidden) {
          assertThat(text.toLowerCase()).as("mail %s leaks '%s'", messageId(mail), word)
              .doesNotContain(word.toLowerCase());
        }
        assertThat(nationalityCode.matcher(text).find()).as("mail %s names the nationality code in: %s",
            messageId(mail), text).isFalse();
      }
    }

    // 2 every mail is exactly one of the templates, with only allowed values in its placeholders
    List<Template> templates = templates(taskNames());
    for (MimeMessage mail : mails) {
      String subject = subject(mail);
      String body = body(mail);
      List<Template> matching = templates.stream().filter(t -> t.matches(subject, body)).toList();
      assertThat(matching).as("mail %s is one of the templates:%n%s%n%s", messageId(mail), subject, body)
          .hasSize(1);
      Matcher refs = CASE_REF.matcher(subject + "\n" + body);
      Set<String> mentioned = new TreeSet<>();
      while (refs.find()) {
        mentioned.add(refs.group());
      }
      assertThat(mentioned).as("the case reference of mail %s", messageId(mail)).hasSize(1);
      // reminder scans also cover open tasks of cases that earlier tests of this context left behind
      assertThat(cases.find(mentioned.iterator().next())).as("an existing case").isPresent();
      assertThat(header(mail, "From")).isEqualTo(FROM);
    }
  }

  /** Names of the user tasks of every deployed model: the only task names a mail may contain. */
  private Set<String> taskNames() {
    Set<String> names = new TreeSet<>();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().list()) {
      engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(t -> names.add(t.getName()));
    }
    assertThat(names).contains("Gennemfør screening", "Meet the person before departure");
    return names;
  }

  record Template(String name, Pattern subject, Pattern body) {
    boolean matches(String subjectText, String bodyText) {
      return subject.matcher(subjectText).matches() && body.matcher(bodyText).matches();
    }
  }

  /** Each template file as patterns: literal text, placeholders replaced by what they may hold. */
  private List<Template> templates(Set<String> taskNames) {
    String taskName = taskNames.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", "|-)"));
    String link = Pattern.quote(TASKLIST) + "(?:#/\\?task=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?";
    List<Template> templates = new ArrayList<>();
    for (NotificationKind kind : NotificationKind.values()) {
      for (String language : List.of("da", "en")) {
        String text = load("mail/" + kind + "." + language + ".txt");
        int newline = text.indexOf('\n');
        String subject = text.substring("Subject: ".length(), newline).trim();
        String body = text.substring(newline + 1).strip();
        templates.add(new Template(kind + "." + language,
            pattern(subject, taskName, link), pattern(body, taskName, link)));
      }
    }
    return templates;
  }

  private static Pattern pattern(String template, String taskName, String link) {
    Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(switch (m.group(1)) {
        case "caseRef" -> CASE_REF.pattern();
        case "taskName" -> taskName;
        case "dueDate" -> "(?:\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}|\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}|-)";
        case "deadline" -> "(?:\\d{2}\\.\\d{2}\\.\\d{4}|\\d{1,2} [A-Z][a-z]{2} \\d{4}|-)";
        case "link" -> link;
        // the case page at the public address: the case reference and nothing else
        case "caseLink" -> Pattern.quote(TASKLIST.replace("/camunda/app/tasklist/default/", "/app/cases/"))
            + CASE_REF.pattern();
        default -> throw new AssertionError("unknown placeholder " + m.group());
      });
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  private static String load(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
