package dk.preparedreturn.notification;

import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.process.Incidents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Each node claims due notifications (optimistic lock on the row), sends them
 * outside any database transaction and records the result. A failed attempt is retried with
 * exponential backoff; after {@code incidentAfterAttempts} failures an incident of type
 * {@value #INCIDENT_TYPE} appears on the case in Cockpit and the retries go on; the incident is
 * resolved when the mail finally goes out. A notification that has been trying for longer than
 * {@code giveUpAfter} is marked FAILED; an administrator puts it back with
 * {@code POST /api/notifications/{id}/retry} ({@link NotificationController}).
 *
 * <p>Delivery guarantee. The Message-ID is derived from the notification id, so every attempt of a
 * notification carries the same Message-ID. Exactly once: a failed SMTP attempt is retried (nothing
 * was delivered); a database error while recording a sent mail is kept in memory and recorded at the
 * next run, before anything else is claimed, so the mail is not sent again while this node lives.
 * At least once: when the node dies between the SMTP server's acceptance and the record, its claim
 * expires ({@code lockTime}) and another node sends the mail again, with the same Message-ID; that
 * case is counted ({@code notifications.unclear.resent}) and logged.
 */
@Component
public class NotificationSender {

  public static final String INCIDENT_TYPE = "failedNotification";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final Outbox outbox;
  private final Clock clock;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationProperties properties;
  private final CaseService cases;
  private final Incidents incidents;
  private final String node;
  private final Counter sent;
  private final Counter failedAttempts;
  private final Counter unclearResent;
  /** Mails this node sent whose SENT could not be recorded yet (database error), by notification id. */
  private final Map<String, SentNotRecorded> notRecorded = new ConcurrentHashMap<>();

  private record SentNotRecorded(Outbox.Entry entry, Instant sentAt) {
  }

  @Autowired
  NotificationSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      CaseService cases, Incidents incidents, MeterRegistry meters, Clock clock) {
    this(outbox, mail, properties, cases, incidents, meters, clock, ManagementFactory.getRuntimeMXBean().getName());
  }

  /** A sender with its own node name (tests play several nodes in one JVM). */
  NotificationSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      CaseService cases, Incidents incidents, MeterRegistry meters, Clock clock, String node) {
    this.node = node;
    this.clock = clock;
    this.outbox = outbox;
    this.mail = mail;
    this.properties = properties;
    this.cases = cases;
    this.incidents = incidents;
    this.sent = Counter.builder("notifications.sent").description("Notifications sent").register(meters);
    this.failedAttempts = Counter.builder("notifications.failed.attempts")
        .description("Failed attempts to send a notification").register(meters);
    this.unclearResent = Counter.builder("notifications.unclear.resent")
        .description("Notifications sent again after a node's claim ended without a recorded outcome"
            + " (possible duplicate, same Message-ID)").register(meters);
    Gauge.builder("notifications.failed", () -> outbox.count(Outbox.Status.FAILED))
        .description("Notifications that were given up (need a manual retry)").register(meters);
    Gauge.builder("notifications.retrying", outbox::retrying)
        .description("Pending notifications that failed at least once").register(meters);
    Gauge.builder("notifications.pending", () -> outbox.count(Outbox.Status.PENDING))
        .description("Notifications waiting to be sent").register(meters);
  }

  /** Runs on every node that sends mail; see app.notification.sender-enabled. */
  @Component
  @ConditionalOnProperty(name = "app.notification.sender-enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {
    private final NotificationSender sender;

    Schedule(NotificationSender sender) {
      this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${app.notification.sender-interval:PT5S}", initialDelayString = "PT10S")
    void run() {
      try {
        sender.sendDue();
      } catch (RuntimeException e) {
        LOG.warn("Notification sender run failed: {}", e.toString());
      }
    }
  }

  /** Sends what is due now; returns how many went out. */
  public int sendDue() {
    JavaMailSender sender = MailSenders.configured(mail);
    if (sender == null) {
      return 0;
    }
    if (!recordPendingSent()) {
      return 0; // the database is still unreachable: claim nothing new
    }
    int count = 0;
    for (Outbox.Due due : outbox.due(clock.instant(), properties.senderBatch())) {
      // the lock runs from the claim, not from the start of the batch (a slow SMTP server must not
      // let a later claim expire before its mail is sent)
      Instant now = clock.instant();
      // the content was read with the due list; the claim is the only further round trip before sending
      if (outbox.claim(due.id(), node, now, now.plus(properties.lockTime()))) {
        Outbox.Entry entry = due.entry();
        if (due.abandonedBy() != null) {
          unclearResent.increment();
          LOG.warn("Notification {} ({}, case {}) was claimed by {}, which never recorded the outcome (it stopped or"
              + " lost the database); sending it again with the same Message-ID, it may arrive twice", due.id(),
              entry.kind(), entry.caseRef(), due.abandonedBy());
        }
        if (send(sender, entry)) {
          count++;
        }
      }
    }
    return count;
  }

  /** Records the mails sent earlier whose record failed; false while that still fails. */
  private boolean recordPendingSent() {
    for (SentNotRecorded pending : List.copyOf(notRecorded.values())) {
      try {
        recordSent(pending.entry(), pending.sentAt());
        notRecorded.remove(pending.entry().id());
      } catch (RuntimeException e) {
        LOG.warn("Sent notification {} still cannot be recorded: {}", pending.entry().id(), e.toString());
        return false;
      }
    }
    return true;
  }

  private boolean send(JavaMailSender sender, Outbox.Entry entry) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from());
      helper.setTo(entry.recipients().toArray(String[]::new));
      helper.setSubject(entry.subject());
      helper.setText(entry.body(), false);
      message.saveChanges();
      message.setHeader("Message-ID", messageId(entry.id()));
      sender.send(message);
    } catch (Exception e) {
      failed(entry, e);
      return false;
    }
    Instant now = clock.instant();
    try {
      recordSent(entry, now);
    } catch (RuntimeException e) {
      // the mail is out: never send it again from this node; record it at the next run
      notRecorded.put(entry.id(), new SentNotRecorded(entry, now));
      LOG.warn("Notification {} was sent but could not be recorded yet ({}); recording it at the next run",
          entry.id(), e.toString());
    }
    return true;
  }

  private void recordSent(Outbox.Entry entry, Instant sentAt) {
    if (!outbox.markSent(entry.id(), node, sentAt)) {
      LOG.warn("Notification {} was sent, but its claim had already passed to another node", entry.id());
      return;
    }
    sent.increment();
    if (entry.incidentId() != null) {
      resolveIncident(entry.incidentId());
    }
  }

  /** The Message-ID of every attempt of a notification. */
  static String messageId(String notificationId) {
    return "<" + notificationId + "@prepared-return>";
  }

  private void failed(Outbox.Entry entry, Exception error) {
    failedAttempts.increment();
    Instant now = clock.instant();
    int attempts = entry.attempts() + 1;
    Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (delay.compareTo(properties.maxRetryDelay()) > 0) {
      delay = properties.maxRetryDelay();
    }
    boolean giveUp = entry.tryingSince().plus(properties.giveUpAfter()).isBefore(now);
    // the reason without the message, which may quote addresses
    String reason = error.getClass().getSimpleName() + (error.getCause() == null ? ""
        : " caused by " + error.getCause().getClass().getSimpleName());
    outbox.markAttemptFailed(entry.id(), node, reason, now.plus(delay), giveUp);
    LOG.warn("Notification {} ({}, case {}) not sent, attempt {}: {}{}", entry.id(), entry.kind(), entry.caseRef(),
        attempts, reason, giveUp ? "; given up" : "");
    if (attempts >= properties.incidentAfterAttempts() && !incidentOpen(entry.incidentId())) {
      raiseIncident(entry, attempts, reason);
    }
  }

  /**
   * Whether the notification's incident still shows in Cockpit. It sits on the execution of the
   * case's current activity and is deleted with it when the case moves on; a notification that
   * still fails then gets a new one.
   */
  private boolean incidentOpen(String incidentId) {
    try {
      return incidents.open(incidentId);
    } catch (RuntimeException e) {
      return true; // no pile of incidents while the engine cannot be asked
    }
  }

  private void raiseIncident(Outbox.Entry entry, int attempts, String reason) {
    if (entry.caseRef() == null) {
      return;
    }
    try {
      String instance = cases.find(entry.caseRef()).map(c -> c.processInstanceId()).orElse(null);
      incidents.raise(instance, INCIDENT_TYPE, entry.id(), "Notification " + entry.kind() + " not sent after "
          + attempts + " attempts (" + reason + "); retries continue")
          .ifPresent(incident -> outbox.setIncident(entry.id(), incident));
    } catch (RuntimeException e) {
      LOG.warn("Could not raise an incident for notification {}: {}", entry.id(), e.toString());
    }
  }

  private void resolveIncident(String incidentId) {
    try {
      incidents.resolve(incidentId);
    } catch (RuntimeException e) {
      LOG.debug("Incident {} already gone: {}", incidentId, e.toString());
    }
  }

}
