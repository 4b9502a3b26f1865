package dk.preparedreturn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.preparedreturn.testsupport.ProcessTestBase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Process tests of the e-mail notifications against a real SMTP server in this JVM (GreenMail).
 *
 * <p>All notification test classes extend this class and so share ONE Spring context (the
 * configuration below is identical for all of them): the process-test context plus Spring Mail
 * pointed at GreenMail, its own in-memory H2 database (so the outbox holds only what these tests
 * produce, never the notifications of the other process test classes) and a public address
 * (app.public-url, PUBLIC_URL) with a trailing slash (the links must not get a double slash). The
 * SMTP port is chosen free once per JVM. The outbox is emptied before each test; GreenMail starts fresh for each test.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:notification-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "spring.mail.host=127.0.0.1",
    "app.public-url=https://tasklist.example.test/"
})
abstract class NotificationTestSupport extends ProcessTestBase {

  static final String TASKLIST = "https://tasklist.example.test/camunda/app/tasklist/default/";
  static final String FROM = "forberedt-hjemsendelse@example.org";
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(
      new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired
  protected NotificationSender sender;
  @Autowired
  protected Outbox outbox;
  @Autowired
  protected TaskReminders reminders;
  @Autowired
  protected NotificationProperties properties;

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("DELETE FROM notification").update();
  }

  protected TaskService taskService() {
    return engine.getTaskService();
  }

  protected RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  // ---- the outbox

  protected List<Outbox.Entry> rows() {
    return jdbc.sql("SELECT id FROM notification ORDER BY created_at, id").query(String.class).list().stream()
        .map(outbox::find).flatMap(Optional::stream).toList();
  }

  protected List<Outbox.Entry> rows(String caseRef) {
    return rows().stream().filter(e -> caseRef.equals(e.caseRef())).toList();
  }

  /** The single notification of that kind about that task. */
  protected Outbox.Entry row(NotificationKind kind, String taskId) {
    List<Outbox.Entry> found = rows().stream().filter(e -> e.kind() == kind && taskId.equals(e.taskId())).toList();
    assertThat(found).as(kind + " for task " + taskId + "; outbox: " + describe(rows())).hasSize(1);
    return found.get(0);
  }

  protected Outbox.Entry reload(Outbox.Entry entry) {
    return outbox.find(entry.id()).orElseThrow();
  }

  /** Outbox rows as comparable text (id, key, status, attempts). */
  protected List<String> snapshot() {
    return jdbc.sql("SELECT id, dedup_key, status, attempts FROM notification ORDER BY id")
        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4))
        .list();
  }

  static String describe(List<Outbox.Entry> entries) {
    return entries.stream().map(e -> e.kind() + "/" + e.taskId() + "/" + e.recipients() + "/" + e.status())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** Runs the sender until nothing more goes out (the sender sends one batch per run). */
  protected int sendAll() {
    int total = 0;
    for (int run = 0; run < 100; run++) {
      int sent = sender.sendDue();
      if (sent == 0) {
        return total;
      }
      total += sent;
    }
    throw new AssertionError("the sender keeps sending");
  }

  protected List<Incident> notificationIncidents(String processInstanceId) {
    return runtime().createIncidentQuery().incidentType(NotificationSender.INCIDENT_TYPE)
        .processInstanceId(processInstanceId).list();
  }

  // ---- the SMTP server's side

  protected static List<MimeMessage> received() {
    return Arrays.asList(SMTP.getReceivedMessages());
  }

  /** The messages delivered into one mailbox. */
  protected static List<MimeMessage> inbox(String address) {
    return SMTP.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), m -> true).toList();
  }

  /** Received messages (one per delivered recipient) grouped by Message-ID. */
  protected static Map<String, List<MimeMessage>> byMessageId() {
    return received().stream().collect(Collectors.groupingBy(NotificationTestSupport::messageId));
  }

  protected static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String expectedMessageId(Outbox.Entry entry) {
    return "<" + entry.id() + "@prepared-return>";
  }

  protected static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded text body, with the line ends of the template. */
  protected static String body(MimeMessage message) {
    try {
      Object content = message.getContent();
      assertThat(content).as("a plain text body").isInstanceOf(String.class);
      return ((String) content).replace("\r\n", "\n").strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every header line, unfolded and with encoded words (RFC 2047) decoded. */
  protected static List<String> headers(MimeMessage message) {
    try {
      List<String> lines = new ArrayList<>();
      Enumeration<String> all = message.getAllHeaderLines();
      for (String line : Collections.list(all)) {
        lines.add(MimeUtility.decodeText(MimeUtility.unfold(line)));
      }
      return lines;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ", ");
      return value == null ? null : MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The single message in that mailbox with that notification's Message-ID. */
  protected static MimeMessage delivered(String address, Outbox.Entry entry) {
    List<MimeMessage> found = inbox(address).stream()
        .filter(m -> expectedMessageId(entry).equals(messageId(m))).toList();
    assertThat(found).as(entry.kind() + " for " + entry.taskId() + " in the mailbox " + address).hasSize(1);
    return found.get(0);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
