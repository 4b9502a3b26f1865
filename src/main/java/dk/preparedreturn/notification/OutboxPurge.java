package dk.preparedreturn.notification;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent notifications from the outbox {@code sentRetention} ({@code NOTIFICATION_RETENTION},
 * default 90 days) after they were sent, nightly like the retention job. Pending and failed
 * notifications stay (a failed one waits for an administrator). Every node may run it: deleting
 * what another node already deleted changes nothing.
 */
@Component
public class OutboxPurge {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPurge.class);
  static final int BATCH = 1000;

  private final Outbox outbox;
  private final Clock clock;
  private final NotificationProperties properties;

  OutboxPurge(Outbox outbox, NotificationProperties properties, Clock clock) {
    this.clock = clock;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Scheduled(cron = "${app.notification.purge-cron:0 45 2 * * *}", zone = "${app.time-zone:Europe/Copenhagen}")
  void nightly() {
    try {
      int deleted = purge();
      if (deleted > 0) {
        LOG.info("Notification outbox: {} sent notifications older than {} deleted", deleted,
            properties.sentRetention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Purging the notification outbox failed: {}", e.toString());
    }
  }

  /** Deletes the sent notifications that are due for deletion; returns how many. */
  public int purge() {
    Instant sentBefore = clock.instant().minus(properties.sentRetention());
    return outbox.purgeSent(sentBefore, BATCH);
  }
}
