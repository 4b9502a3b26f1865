package dk.preparedreturn.notification;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides who is told what, renders the mail from its template and puts it in the outbox in the
 * current transaction. Recipients are group mailboxes (configuration) or a user's e-mail; partner
 * groups get English, Danish organisations Danish. A mail carries the case reference, the task
 * name, a date and a link, nothing else.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private final Outbox outbox;
  private final Clock clock;
  private final MailTemplates templates;
  private final NotificationProperties properties;
  private final Directory directory;
  private final ZoneId zone;
  private final Texts texts;

  public Notifier(Outbox outbox, MailTemplates templates, NotificationProperties properties,
      Directory directory, Texts texts, Clock clock) {
    this.clock = clock;
    this.texts = texts;
    this.outbox = outbox;
    this.templates = templates;
    this.properties = properties;
    this.directory = directory;
    this.zone = clock.getZone();
  }

  /**
   * A task: to a user (an assignment), or to the mailboxes of its candidate groups (a new task, or
   * a user without an e-mail address).
   */
  public void task(NotificationKind kind, String dedupKey, String caseRef, String taskId, String taskName, Date due,
      Collection<String> groups, String userId) {
    Map<String, String> values = new HashMap<>();
    values.put("caseRef", caseRef == null ? "-" : caseRef);
    values.put("taskName", taskName == null ? "-" : taskName);
    Dates dates = new Dates(due == null ? null : due.toInstant().atZone(zone).toLocalDateTime(), null);
    values.put("link", properties.tasklistUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    values.put("caseLink", caseLink(caseRef));
    String email = userId == null ? null : email(userId);
    if (email != null) {
      send(kind, dedupKey, caseRef, taskId, List.of(email), directory.audienceOf(userId), values, dates);
    } else {
      if (userId != null) {
        LOG.warn("No e-mail address for user {}; {} for task {} goes to the candidate groups", userId, kind, taskId);
      }
      // "assigned to you" makes no sense in a shared mailbox: announce it as a task of the group
      NotificationKind groupKind = kind == NotificationKind.TASK_ASSIGNED ? NotificationKind.TASK_CREATED : kind;
      sendToGroups(groupKind, dedupKey, caseRef, taskId, groups, values, dates);
    }
  }

  /** A case-level notification (deadline warnings, hand-over) to groups and, optionally, a user. */
  public void caseEvent(NotificationKind kind, String dedupKey, String caseRef, LocalDate deadline,
      Collection<String> groups, String userId) {
    Map<String, String> values = new HashMap<>();
    values.put("caseRef", caseRef);
    Dates dates = new Dates(null, deadline);
    values.put("link", properties.tasklistUrl() + "/camunda/app/tasklist/default/");
    values.put("caseLink", caseLink(caseRef));
    String email = email(userId);
    if (email != null) {
      send(kind, dedupKey + ":user", caseRef, null, List.of(email), directory.audienceOf(userId), values, dates);
    }
    sendToGroups(kind, dedupKey, caseRef, null, groups, values, dates);
  }

  /** The case page at the service's public address (a case reference is letters, digits and dashes). */
  private String caseLink(String caseRef) {
    return caseRef == null || !caseRef.matches("[A-Za-z0-9-]+") ? properties.tasklistUrl() + "/app/cases"
        : properties.tasklistUrl() + "/app/cases/" + caseRef;
  }

  private void sendToGroups(NotificationKind kind, String dedupKey, String caseRef, String taskId,
      Collection<String> groups, Map<String, String> values, Dates dates) {
    Set<String> danish = new LinkedHashSet<>();
    Set<String> english = new LinkedHashSet<>();
    for (String group : groups) {
      String mailbox = properties.mailboxes().get(group);
      if (mailbox == null || mailbox.isBlank()) {
        LOG.warn("No mailbox configured for group {} (app.notification.mailboxes.{}); {} not sent to it", group,
            group, kind);
        continue;
      }
      (Groups.isPartnerGroup(group) ? english : danish).add(mailbox);
    }
    if (!danish.isEmpty()) {
      send(kind, dedupKey + ":da", caseRef, taskId, new ArrayList<>(danish), Audience.DANISH, values, dates);
    }
    if (!english.isEmpty()) {
      send(kind, dedupKey + ":en", caseRef, taskId, new ArrayList<>(english), Audience.ENGLISH, values, dates);
    }
  }

  private void send(NotificationKind kind, String dedupKey, String caseRef, String taskId, List<String> recipients,
      Audience language, Map<String, String> values, Dates dates) {
    Map<String, String> localized = new HashMap<>(values);
    localized.put("dueDate", dates.due() == null ? "-" : texts.dateTime(language, dates.due()));
    localized.put("deadline", dates.deadline() == null ? "-" : texts.date(language, dates.deadline()));
    MailTemplates.Mail mail = templates.render(kind, language, localized);
    Instant now = clock.instant();
    if (outbox.add(dedupKey, kind, caseRef, taskId, recipients, mail.subject(), mail.body(), now)) {
      LOG.debug("Notification {} queued for case {}", kind, caseRef);
    }
  }

  /** The dates a mail may carry, written as its reader writes dates once the reader's language is known. */
  private record Dates(LocalDateTime due, LocalDate deadline) {
  }

  private String email(String userId) {
    return directory.user(userId).flatMap(Directory.Member::mailAddress).orElse(null);
  }
}
