package dk.preparedreturn.notification;

import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.notification.MailCatcher.CaughtMail;
import dk.preparedreturn.process.Directory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /app/mailbox}: the mails the embedded default's mail catcher caught, newest first
 * (time, recipients, subject, text), so a newcomer sees the notifications without a mail server.
 * Exists only where the mail catcher does ({@link MailCatcherCondition}); elsewhere the path is 404.
 * It shows the mails of this instance's catcher only (each instance has its own).
 * Signed in like the other pages (Tasklist session or HTTP Basic); an administrator sees every
 * mail, anyone else the mails addressed to their own e-mail address or to the mailbox of one of
 * their groups. Danish, English for partners (template {@code mailbox.html}).
 */
@Controller
@Conditional(MailCatcherCondition.class)
class MailboxPage {

  static final int MAX_SHOWN = 200;

  private final MailCatcher catcher;
  private final NotificationProperties properties;
  private final Directory directory;

  MailboxPage(MailCatcher catcher, NotificationProperties properties, Directory directory) {
    this.catcher = catcher;
    this.properties = properties;
    this.directory = directory;
  }

  @GetMapping(path = "/app/mailbox", produces = MediaType.TEXT_HTML_VALUE)
  String page(Caller caller, HttpServletResponse response, Model model) {
    Set<String> addresses = caller.admin() ? Set.of() : addresses(caller);
    List<CaughtMail> visible = catcher.caught().stream()
        .filter(m -> caller.admin() || m.to().stream().anyMatch(to -> addresses.contains(lower(to))))
        .toList();
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("caller", caller);
    model.addAttribute("english", caller.audience().english());
    model.addAttribute("all", caller.admin());
    model.addAttribute("addresses", String.join(", ", addresses));
    model.addAttribute("mails", visible.stream().limit(MAX_SHOWN).toList());
    model.addAttribute("total", visible.size());
    model.addAttribute("maxShown", MAX_SHOWN);
    return "mailbox";
  }

  /** The caller's own address and the mailboxes of the caller's groups, lower case. */
  private Set<String> addresses(Caller caller) {
    Set<String> addresses = new TreeSet<>();
    directory.user(caller.userId()).flatMap(Directory.Member::mailAddress).ifPresent(a -> addresses.add(lower(a)));
    for (String group : caller.groups()) {
      String mailbox = properties.mailboxes().get(group);
      if (mailbox != null && !mailbox.isBlank()) {
        addresses.add(lower(mailbox));
      }
    }
    return addresses;
  }

  private static String lower(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }
}
