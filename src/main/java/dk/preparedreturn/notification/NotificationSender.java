package dk.preparedreturn.notification;

import dk.preparedreturn.casefile.CaseFileRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Each node claims due notifications (optimistic lock on the row), sends them
 * outside any database transaction and records the result. A failed attempt is retried with
 * exponential backoff; after {@code incidentAfterAttempts} failures an incident of type
 * {@value #INCIDENT_TYPE} appears on the case in Cockpit and the retries go on; the incident is
 * resolved when the mail finally goes out. A notification older than {@code giveUpAfter} is marked
 * FAILED and can be put back with {@code POST /api/notifications/{id}/retry}.
 *
 * <p>The Message-ID is derived from the notification id, so a mail that is sent again after a crash
 * between sending and recording it can be recognised as the same mail.
 */
@Component
public class NotificationSender {

  public static final String INCIDENT_TYPE = "failedNotification";
  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final Outbox outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationProperties properties;
  private final CaseFileRepository cases;
  private final RuntimeService runtime;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();
  private final Counter sent;
  private final Counter failedAttempts;

  NotificationSender(Outbox outbox, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      CaseFileRepository cases, @Lazy RuntimeService runtime, MeterRegistry meters) {
    this.outbox = outbox;
    this.mail = mail;
    this.properties = properties;
    this.cases = cases;
    this.runtime = runtime;
    this.sent = Counter.builder("notifications.sent").description("Notifications sent").register(meters);
    this.failedAttempts = Counter.builder("notifications.failed.attempts")
        .description("Failed attempts to send a notification").register(meters);
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
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int count = 0;
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (String id : outbox.due(now, properties.senderBatch())) {
      if (outbox.claim(id, node, now, now.plus(properties.lockTime()))) {
        Optional<Outbox.Entry> entry = outbox.find(id);
        if (entry.isPresent() && send(sender, entry.get())) {
          count++;
        }
      }
    }
    return count;
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
      message.setHeader("Message-ID", "<" + entry.id() + "@prepared-return>");
      sender.send(message);
    } catch (Exception e) {
      failed(entry, e);
      return false;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    outbox.markSent(entry.id(), node, now);
    sent.increment();
    if (entry.incidentId() != null) {
      resolveIncident(entry.incidentId());
    }
    return true;
  }

  private void failed(Outbox.Entry entry, Exception error) {
    failedAttempts.increment();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int attempts = entry.attempts() + 1;
    Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    if (delay.compareTo(properties.maxRetryDelay()) > 0) {
      delay = properties.maxRetryDelay();
    }
    boolean giveUp = entry.createdAt().plus(properties.giveUpAfter()).isBefore(now);
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
    if (incidentId == null) {
      return false;
    }
    try {
      return runtime.createIncidentQuery().incidentId(incidentId).count() > 0;
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
      if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
        return;
      }
      Incident incident = runtime.createIncident(INCIDENT_TYPE, executionAtActivity(instance), entry.id(),
          "Notification " + entry.kind() + " not sent after " + attempts + " attempts (" + reason
              + "); retries continue");
      outbox.setIncident(entry.id(), incident.getId());
    } catch (RuntimeException e) {
      LOG.warn("Could not raise an incident for notification {}: {}", entry.id(), e.toString());
    }
  }

  /**
   * An execution of the process instance that is at an activity: the engine creates incidents only
   * there (ENGINE: "Execution must be related to an activity"). The process instance's own execution
   * is not while the case waits inside a scope (the return-track subprocess, an activity with
   * boundary events), so the incident goes to the execution of the innermost current activity; it
   * still belongs to the case's process instance.
   */
  private String executionAtActivity(String processInstanceId) {
    ActivityInstance current = runtime.getActivityInstance(processInstanceId);
    while (current != null && current.getChildActivityInstances().length > 0) {
      current = current.getChildActivityInstances()[0];
    }
    return current == null || current.getExecutionIds().length == 0 ? processInstanceId
        : current.getExecutionIds()[0];
  }

  private void resolveIncident(String incidentId) {
    try {
      runtime.resolveIncident(incidentId);
    } catch (RuntimeException e) {
      LOG.debug("Incident {} already gone: {}", incidentId, e.toString());
    }
  }
}
