package dk.preparedreturn.notification;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Health of mail delivery ("mail" in /actuator/health and the readiness group). An SMTP server
 * that cannot be reached is {@code DEGRADED}, not DOWN: notifications wait in the outbox and are
 * retried, and caseworkers keep working, so a mail outage must not take the nodes out of the load
 * balancer. The details show the backlog. The SMTP check is cached for 30 seconds.
 */
@Component("mail")
class MailHealth extends AbstractHealthIndicator {

  public static final Status DEGRADED = new Status("DEGRADED", "Mail cannot be delivered now; notifications wait in the outbox");
  static final Duration CACHE = Duration.ofSeconds(30);

  private final ObjectProvider<JavaMailSender> mail;
  private final Outbox outbox;
  private volatile Instant checkedAt = Instant.EPOCH;
  private volatile String error = "not checked yet";

  MailHealth(ObjectProvider<JavaMailSender> mail, Outbox outbox) {
    super("Mail health check failed");
    this.mail = mail;
    this.outbox = outbox;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    JavaMailSender sender = MailSenders.configured(mail);
    if (sender instanceof JavaMailSenderImpl smtp) {
      builder.withDetail("location", smtp.getHost() + ":" + smtp.getPort());
      if (Instant.now().isAfter(checkedAt.plus(CACHE))) {
        try {
          smtp.testConnection();
          error = null;
        } catch (Exception e) {
          error = e.getClass().getSimpleName();
        }
        checkedAt = Instant.now();
      }
    } else {
      error = "no SMTP server configured (MAIL_HOST)";
    }
    builder.withDetail("pending", outbox.count(Outbox.Status.PENDING))
        .withDetail("retrying", outbox.retrying())
        .withDetail("failed", outbox.count(Outbox.Status.FAILED));
    if (error == null) {
      builder.up();
    } else {
      builder.status(DEGRADED).withDetail("error", error);
    }
  }
}
