package dk.preparedreturn;

import dk.preparedreturn.users.StartupGuard;
import dk.preparedreturn.notification.MailCatcherCondition;
import dk.preparedreturn.notification.MailSenders;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One log line, on every start, when the service is ready: when it accepts traffic (after the
 * start-up work such as the demo cases and the start of the job executor, the moment the readiness
 * probe turns 200), with the addresses to open and where this instance's mails go. It starts with
 * {@value #PREFIX}. It holds no personal data: addresses of this node and of the SMTP server only.
 */
@Component
class ReadyLog {

  static final String PREFIX = "Prepared return is ready";
  private static final Logger LOG = LoggerFactory.getLogger(ReadyLog.class);

  private final Environment environment;
  private final StartupGuard guard;
  private final ObjectProvider<JavaMailSender> mail;
  private final AtomicBoolean logged = new AtomicBoolean();
  private volatile int port = -1;

  ReadyLog(Environment environment, StartupGuard guard, ObjectProvider<JavaMailSender> mail) {
    this.environment = environment;
    this.guard = guard;
    this.mail = mail;
  }

  @EventListener
  void webServer(WebServerInitializedEvent event) {
    // the application's own server, not a separate management server
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  @EventListener
  void readiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && logged.compareAndSet(false, true)) {
      LOG.info(line(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    }
  }

  String line(double seconds) {
    StringBuilder line = new StringBuilder(PREFIX).append(String.format(Locale.ROOT, " (%.1f s after the JVM started; ",
        seconds));
    line.append(guard.embeddedDefault() ? "embedded default, H2" + (guard.demoEnabled() ? ", demo users and cases" : "")
        : "PostgreSQL").append(')');
    if (port < 0) {
      return line.append(": no web server").toString();
    }
    String host = environment.getProperty("server.address", "");
    String base = "http://" + (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host)
        + ":" + port + environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
    String webapps = base + environment.getProperty("camunda.bpm.webapp.application-path", "/camunda");
    List<String> parts = new ArrayList<>();
    parts.add("Tasklist " + webapps + "/app/tasklist/");
    parts.add("Cockpit " + webapps + "/app/cockpit/");
    parts.add("case search " + base + "/app/cases?q=");
    JavaMailSender sender = MailSenders.configured(mail);
    String smtp = sender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + impl.getPort()
        : sender == null ? null : "(" + sender.getClass().getSimpleName() + ")";
    if (smtp != null && MailCatcherCondition.enabled(environment, getClass().getClassLoader())) {
      parts.add("mailbox " + base + "/app/mailbox (mails caught by this instance on " + smtp + ")");
    } else if (smtp != null) {
      parts.add("mails to SMTP " + smtp);
    } else if (environment.getProperty("app.mail-catcher.enabled", Boolean.class, false)) {
      parts.add("no mail catcher in the packaged jar and no SMTP server (MAIL_HOST): mails wait in the outbox");
    } else {
      parts.add("no SMTP server (MAIL_HOST): mails wait in the outbox");
    }
    return line.append(": ").append(String.join(" | ", parts)).toString();
  }
}
