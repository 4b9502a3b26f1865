package dk.preparedreturn.notification;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Privileged;
import dk.preparedreturn.notification.MailCatcher.CaughtMail;
import dk.preparedreturn.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /app/mailbox}: the mails the embedded default's mail catcher caught, newest first
 * (time, recipients, subject, text), so a newcomer sees the notifications without a mail server.
 * Exists only where the mail catcher does ({@link MailCatcherCondition}); elsewhere the path is 404.
 * It shows the mails of this instance's catcher only (each instance has its own).
 * Signed in like the other pages (Tasklist session or HTTP Basic); an administrator sees every
 * mail, anyone else the mails addressed to their own e-mail address or to the mailbox of one of
 * their groups. Danish, English for partners. Every value is HTML-escaped.
 */
@RestController
@Conditional(MailCatcherCondition.class)
class MailboxPage {

  static final int MAX_SHOWN = 200;

  private final MailCatcher catcher;
  private final NotificationProperties properties;
  private final IdentityService identity;
  private final ZoneId zone;

  MailboxPage(MailCatcher catcher, NotificationProperties properties, @Lazy IdentityService identity,
      @Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone) {
    this.catcher = catcher;
    this.properties = properties;
    this.identity = identity;
    this.zone = zone;
  }

  @GetMapping(path = "/app/mailbox", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(Caller caller) {
    boolean english = caller.groups().stream().anyMatch(Groups::isPartnerGroup) && !caller.admin();
    Set<String> addresses = caller.admin() ? Set.of() : addresses(caller);
    List<CaughtMail> visible = catcher.caught().stream()
        .filter(m -> caller.admin() || m.to().stream().anyMatch(to -> addresses.contains(lower(to))))
        .toList();
    return ResponseEntity.ok().header("Cache-Control", "no-store")
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(render(visible, caller.admin(), addresses, english));
  }

  /** The caller's own address and the mailboxes of the caller's groups, lower case. */
  private Set<String> addresses(Caller caller) {
    Set<String> addresses = new TreeSet<>();
    User user = Privileged.call(() -> identity.createUserQuery().userId(caller.userId()).singleResult());
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(lower(user.getEmail()));
    }
    for (String group : caller.groups()) {
      String mailbox = properties.mailboxes().get(group);
      if (mailbox != null && !mailbox.isBlank()) {
        addresses.add(lower(mailbox));
      }
    }
    return addresses;
  }

  String render(List<CaughtMail> mails, boolean all, Set<String> addresses, boolean english) {
    DateTimeFormatter time = DateTimeFormatter.ofPattern(english ? "d MMM yyyy HH:mm:ss" : "dd.MM.yyyy HH:mm:ss",
        english ? Locale.ENGLISH : Locale.forLanguageTag("da")).withZone(zone);
    String title = english ? "Mails sent by the service" : "E-mails sendt af tjenesten";
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"").append(english ? "en" : "da").append("\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(esc(title)).append("</title>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
        .append("body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("h1{font-size:22px;margin-bottom:4px}.muted{color:#666;font-size:13px}")
        .append(".mail{border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin:12px 0}")
        .append(".mail h2{font-size:16px;margin:4px 0 8px}.meta{font-size:13px;color:#444}")
        .append("pre{white-space:pre-wrap;font-family:inherit;font-size:14px;margin:8px 0 0}")
        .append("</style></head><body>");
    h.append("<h1>").append(esc(title)).append("</h1><p class=\"muted\">").append(esc(english
        ? "Only on the embedded default: the built-in mail server catches the mails the service sends instead of"
            + " delivering them. They are kept until the service stops."
        : "Kun i den indbyggede standardopsætning: den indbyggede mailserver fanger de e-mails, tjenesten sender,"
            + " i stedet for at levere dem. De gemmes, indtil tjenesten stopper."))
        .append("</p><p class=\"muted\">");
    if (all) {
      h.append(esc(english ? "You see every mail (administrator)." : "Du ser alle e-mails (administrator)."));
    } else if (addresses.isEmpty()) {
      h.append(esc(english ? "You have no e-mail address and no group mailbox, so no mail is shown."
          : "Du har ingen e-mailadresse og ingen gruppepostkasse, så der vises ingen e-mails."));
    } else {
      h.append(esc((english ? "You see the mails to " : "Du ser e-mails til ") + String.join(", ", addresses) + "."));
    }
    h.append("</p>");
    if (mails.isEmpty()) {
      h.append("<p>").append(esc(english ? "No mails yet." : "Ingen e-mails endnu.")).append("</p>");
    }
    for (CaughtMail mail : mails.stream().limit(MAX_SHOWN).toList()) {
      h.append("<div class=\"mail\"><div class=\"meta\">").append(esc(time.format(mail.receivedAt())))
          .append(" &middot; ").append(esc(english ? "To: " : "Til: ")).append(esc(String.join(", ", mail.to())))
          .append("</div><h2>").append(esc(mail.subject())).append("</h2><pre>").append(esc(mail.body()))
          .append("</pre></div>");
    }
    if (mails.size() > MAX_SHOWN) {
      h.append("<p class=\"muted\">").append(esc(english ? "Only the newest " + MAX_SHOWN + " of " + mails.size()
          + " mails are shown." : "Kun de nyeste " + MAX_SHOWN + " af " + mails.size() + " e-mails vises."))
          .append("</p>");
    }
    h.append("</body></html>");
    return h.toString();
  }

  private static String lower(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }
}
