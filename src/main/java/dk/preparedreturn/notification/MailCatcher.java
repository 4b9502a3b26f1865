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

/**
 * The embedded default's mail server: an in-process SMTP server on loopback that keeps every mail
 * the service sends, so a newcomer sees the notifications (page {@code /app/mailbox}) without
 * installing anything. It listens on a port of its own instance, by default a free one chosen at
 * start ({@code app.mail-catcher.port}, 0), and the service's mail sender is pointed at it
 * ({@link MailCatcherConfiguration}), so two instances on one machine each catch their own mails.
 * Runs only where {@link MailCatcherCondition} allows (the embedded default without
 * {@code MAIL_HOST}, GreenMail on the class path); never in the {@code postgres} profile, and the
 * packaged jar does not contain GreenMail. It keeps the mails in memory until the service stops.
 */
public class MailCatcher implements DisposableBean {

  static final String HOST = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(MailCatcher.class);
  private final GreenMail server;
  private final int port;

  /**
   * Starts listening on {@code port} of 127.0.0.1 (0: a free port). A port that is taken stops the
   * start-up: mails must not go to another instance's catcher.
   */
  MailCatcher(int port) {
    server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IllegalStateException("The mail catcher cannot listen on " + HOST + ":" + port + " (" + e.getMessage()
          + "); leave app.mail-catcher.port at 0 (a free port) or choose another one", e);
    }
    this.port = server.getSmtp().getPort();
    LOG.info("Mail catcher of this instance listening on {}:{}; its mails are shown at /app/mailbox", HOST, this.port);
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** A mail as it was caught: when, to whom, subject and text. */
  public record CaughtMail(Instant receivedAt, String messageId, List<String> to, String subject, String body) {
  }

  /**
   * The caught mails, newest first, one per Message-ID (the server keeps a copy per recipient).
   */
  public List<CaughtMail> caught() {
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
    server.stop();
  }
}
