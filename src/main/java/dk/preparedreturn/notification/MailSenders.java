package dk.preparedreturn.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The service's mail sender, if it has an SMTP server to send to. Spring Boot makes a sender from
 * {@code spring.mail.host} also when {@code MAIL_HOST} is empty; that sender would try the local
 * host's port 25, so it counts as none: notifications wait in the outbox and the health check "mail"
 * says that no SMTP server is configured.
 */
public final class MailSenders {

  private MailSenders() {
  }

  /** The sender, or null without an SMTP server. */
  public static JavaMailSender configured(ObjectProvider<JavaMailSender> provider) {
    JavaMailSender sender = provider.getIfAvailable();
    if (sender instanceof JavaMailSenderImpl smtp && (smtp.getHost() == null || smtp.getHost().isBlank())) {
      return null;
    }
    return sender;
  }
}
