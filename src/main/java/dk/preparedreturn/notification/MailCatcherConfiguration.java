package dk.preparedreturn.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail catcher and the mail sender that delivers to it: the catcher picks
 * its port first, then the sender is made for that port. Being a bean of the application, this
 * sender replaces the one Spring Boot would make from {@code spring.mail.*} (host and port are
 * ignored; the SMTP time-outs and other {@code spring.mail.properties} apply).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MailCatcherCondition.class)
@EnableConfigurationProperties(MailProperties.class)
class MailCatcherConfiguration {

  @Bean
  MailCatcher mailCatcher(@Value("${app.mail-catcher.port:0}") int port) {
    return new MailCatcher(port);
  }

  @Bean
  JavaMailSenderImpl mailSender(MailCatcher catcher, MailProperties properties) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(MailCatcher.HOST);
    sender.setPort(catcher.port());
    sender.setProtocol("smtp");
    sender.setDefaultEncoding(properties.getDefaultEncoding() == null ? StandardCharsets.UTF_8.name()
        : properties.getDefaultEncoding().name());
    Properties javaMail = new Properties();
    javaMail.putAll(properties.getProperties());
    // the catcher takes any mail without authentication or TLS
    javaMail.setProperty("mail.smtp.auth", "false");
    javaMail.setProperty("mail.smtp.starttls.enable", "false");
    sender.setJavaMailProperties(javaMail);
    return sender;
  }
}
