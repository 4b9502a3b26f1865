package dk.preparedreturn.notification;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * When the embedded default's mail catcher runs: {@code app.mail-catcher.enabled} is true (the
 * embedded default; false in the {@code postgres} profile), no SMTP server is configured
 * ({@code MAIL_HOST} empty) and GreenMail is on the class path ({@code ./mvnw -Prun} and the tests;
 * the packaged jar and the image leave it out). Free of GreenMail types, so it can be evaluated
 * where GreenMail is absent.
 */
public final class MailCatcherCondition extends SpringBootCondition {

  static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

  /** Whether the mail catcher runs with this environment; the same answer as the condition. */
  public static boolean enabled(Environment environment, ClassLoader classLoader) {
    return outcome(environment, classLoader).isMatch();
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return outcome(context.getEnvironment(), context.getClassLoader());
  }

  static ConditionOutcome outcome(Environment environment, ClassLoader classLoader) {
    if (!environment.getProperty("app.mail-catcher.enabled", Boolean.class, false)) {
      return ConditionOutcome.noMatch("app.mail-catcher.enabled is not true");
    }
    String host = environment.getProperty("spring.mail.host", "");
    if (!host.isBlank()) {
      return ConditionOutcome.noMatch("an SMTP server is configured (MAIL_HOST " + host + ")");
    }
    if (!ClassUtils.isPresent(GREENMAIL, classLoader)) {
      return ConditionOutcome.noMatch("GreenMail is not on the class path (the packaged jar leaves it out)");
    }
    return ConditionOutcome.match("embedded default without MAIL_HOST, GreenMail present");
  }
}
