package dk.preparedreturn.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
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

  public List<MimeMessage> messages() {
    return running ? List.of(server.getReceivedMessages()) : List.of();
  }

  @Override
  public void destroy() {
    if (running) {
      server.stop();
    }
  }
}
