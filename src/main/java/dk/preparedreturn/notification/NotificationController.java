package dk.preparedreturn.notification;

import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.process.InvalidFormInput;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.identity.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox for IT operations: {@code GET /api/notifications?status=FAILED} lists notifications
 * (administrators and {@code monitoring}; no subject or body; the recipients' addresses only for
 * administrators) and {@code POST /api/notifications/{id}/retry} puts a FAILED notification back to
 * be sent (administrators), after the cause (SMTP server, address) was fixed.
 */
@RestController
class NotificationController {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationController.class);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** A notification as operations see it: what, about which case, and how delivery went. */
  record NotificationView(String id, NotificationKind kind, String caseRef, String taskId, List<String> recipients,
      Outbox.Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
      String incidentId, Instant retriedAt, String retriedBy) {

    static NotificationView of(Outbox.Entry e, boolean withRecipients) {
      return new NotificationView(e.id(), e.kind(), e.caseRef(), e.taskId(), withRecipients ? e.recipients() : null,
          e.status(), e.attempts(), e.createdAt(), e.status() == Outbox.Status.PENDING ? e.nextAttemptAt() : null,
          e.sentAt(), e.lastError(), e.incidentId(), e.retriedAt(), e.retriedBy());
    }
  }

  private final Outbox outbox;
  private final Clock clock;

  NotificationController(Outbox outbox, Clock clock) {
    this.clock = clock;
    this.outbox = outbox;
  }

  @GetMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
  List<NotificationView> list(@RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "caseRef", required = false) String caseRef,
      @RequestParam(name = "limit", required = false) Integer limit, Caller caller) {
    if (!caller.admin() && !caller.in(Groups.MONITORING)) {
      throw new Forbidden("The notification outbox is for administrators and monitoring");
    }
    Outbox.Status wanted = status == null || status.isBlank() ? null : status(status);
    int max = limit == null ? DEFAULT_LIMIT : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw new InvalidFormInput("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return outbox.list(wanted, caseRef == null || caseRef.isBlank() ? null : caseRef.trim(), max).stream()
        .map(e -> NotificationView.of(e, caller.admin())).toList();
  }

  @PostMapping(path = "/api/notifications/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
  NotificationView retry(@PathVariable String id, Caller caller) {
    if (!caller.admin()) {
      throw new Forbidden("Only administrators may put a notification back");
    }
    Outbox.Entry entry = outbox.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification with this id"));
    if (entry.status() != Outbox.Status.FAILED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The notification is " + entry.status()
          + "; only a FAILED notification can be put back");
    }
    Instant now = clock.instant();
    if (!outbox.retry(id, now, caller.userId())) {
      // put back (or changed) by someone else between the read and the update
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The notification is no longer FAILED");
    }
    LOG.info("Notification {} ({}, case {}) put back to be sent by {}", id, entry.kind(), entry.caseRef(),
        caller.userId());
    return NotificationView.of(outbox.find(id).orElseThrow(), true);
  }

  private static Outbox.Status status(String value) {
    try {
      return Outbox.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFormInput("status", "status must be one of " + Arrays.toString(Outbox.Status.values()));
    }
  }
}
