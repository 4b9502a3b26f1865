package dk.preparedreturn.notification;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded default's mail server: an in-process SMTP server on loopback that keeps every mail
 * the service sends, so a newcomer sees the notifications (page {@code /app/mailbox}) without
 * installing anything. Never started outside the embedded default ({@code app.mail-catcher.enabled}).
 * It keeps the mails in memory until the service stops.
 */
@Component
@ConditionalOnProperty(name = "app.mail-catcher.enabled", havingValue = "true")
public class MailCatcher implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MailCatcher.class);
  private final GreenMail server;
  private final boolean running;

  MailCatcher(@Value("${spring.mail.port:3025}") int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    boolean started;
    try {
      server.start();
      started = true;
      LOG.info("Mail catcher listening on 127.0.0.1:{}; mails are shown at /app/mailbox", port);
    } catch (RuntimeException e) {
      // e.g. a second instance on the same machine: the service still starts; its mails go to
      // whatever listens on the port, or wait in the outbox (health "mail" is then DEGRADED)
      started = false;
      server.stop();
      LOG.warn("Mail catcher could not listen on 127.0.0.1:{} ({}); /app/mailbox stays empty", port, e.toString());
    }
    running = started;
  }

  public boolean running() {
    return running;
  }

  /** A mail as it was caught: when, to whom, subject and text. */
  public record CaughtMail(Instant receivedAt, String messageId, List<String> to, String subject, String body) {
  }

  /**
   * The caught mails, newest first, one per Message-ID (the server keeps a copy per recipient).
   */
  public List<CaughtMail> caught() {
    if (!running) {
      return List.of();
    }
    Map<String, CaughtMail> byMessageId = new LinkedHashMap<>();
    for (StoredMessage stored : server.getManagers().getImapHostManager().getAllMessages()) {
      try {
        MimeMessage message = stored.getMimeMessage();
        String id = message.getMessageID() == null ? "uid:" + stored.getUid() : message.getMessageID();
        if (!byMessageId.containsKey(id)) {
          byMessageId.put(id, new CaughtMail(stored.getReceivedDate().toInstant(), id, to(message),
              message.getSubject(), text(message)));
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        LOG.debug("Unreadable mail in the mail catcher: {}", e.toString());
      }
    }
    List<CaughtMail> mails = new ArrayList<>(byMessageId.values());
    mails.sort(Comparator.comparing(CaughtMail::receivedAt).reversed());
    return mails;
  }

  private static List<String> to(MimeMessage message) throws MessagingException {
    Address[] recipients = message.getRecipients(Message.RecipientType.TO);
    List<String> addresses = new ArrayList<>();
    if (recipients != null) {
      for (Address address : recipients) {
        addresses.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
      }
    }
    return addresses;
  }

  private static String text(MimeMessage message) throws MessagingException, IOException {
    Object content = message.getContent();
    return content instanceof String text ? text.replace("\r\n", "\n").strip() : "";
  }

  @Override
  public void destroy() {
    if (running) {
      server.stop();
    }
  }
}
