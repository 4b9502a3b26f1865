package dk.preparedreturn.notification;

import dk.preparedreturn.identity.ProductionCheck;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded default the sender and every group mailbox must be real addresses: an
 * address at example.org, .com or .net would swallow the notifications of a case.
 */
@Component
class MailAddressesCheck implements ProductionCheck {

  private final NotificationProperties notification;

  MailAddressesCheck(NotificationProperties notification) {
    this.notification = notification;
  }

  @Override
  public void check() {
    if (ProductionCheck.isExampleAddress(notification.from())) {
      throw ProductionCheck.refuse("MAIL_FROM is " + notification.from() + ", an example address; set the sender address");
    }
    for (var mailbox : notification.mailboxes().entrySet()) {
      if (ProductionCheck.isExampleAddress(mailbox.getValue())) {
        throw ProductionCheck.refuse(variable(mailbox.getKey()) + " is " + mailbox.getValue() + ", an example address;"
            + " set the mailbox of " + mailbox.getKey() + " (notifications to it would be lost)");
      }
    }
  }

  /** {@code partner-ug -> MAILBOX_PARTNER_UG}. */
  static String variable(String group) {
    return "MAILBOX_" + group.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
