package dk.preparedreturn.notification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notifications.
 *
 * @param tasklistUrl base URL of the service as caseworkers reach it (links in mails)
 * @param from sender address
 * @param mailboxes group id to the organisation's shared mailbox
 * @param reminderLead how long before a task's due date the reminder goes out
 * @param firstRetry delay after the first failed attempt; doubles per attempt up to {@code maxRetryDelay}
 * @param maxRetryDelay longest delay between attempts
 * @param incidentAfterAttempts failed attempts after which an incident shows in Cockpit (retries go on)
 * @param giveUpAfter age after which a notification that never went out is marked failed
 * @param senderBatch notifications claimed per sender run
 * @param lockTime how long a claimed notification is reserved for one node
 * @param sentRetention how long a sent notification stays in the outbox before the nightly purge deletes it
 */
@ConfigurationProperties("app.notification")
public record NotificationProperties(String tasklistUrl, String from, Map<String, String> mailboxes,
    Duration reminderLead, Duration firstRetry, Duration maxRetryDelay, int incidentAfterAttempts,
    Duration giveUpAfter, int senderBatch, Duration lockTime, Duration sentRetention) {

  public NotificationProperties {
    mailboxes = mailboxes == null ? Map.of() : new LinkedHashMap<>(mailboxes);
    sentRetention = sentRetention == null ? Duration.ofDays(90) : sentRetention;
    if (sentRetention.isNegative() || sentRetention.isZero()) {
      throw new IllegalArgumentException("app.notification.sent-retention (NOTIFICATION_RETENTION) must be positive");
    }
    tasklistUrl = tasklistUrl == null ? "http://localhost:8080" : tasklistUrl.replaceAll("/+$", "");
  }
}
