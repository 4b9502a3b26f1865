package dk.preparedreturn.process;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link EngineClock} as the application's {@code java.time.Clock}, also for bean validation:
 * {@code @PastOrPresent} on an API field means "not after today in Denmark" (a referral dated today
 * is accepted at 00:30 Danish time, whatever the server's zone).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  EngineClock clock(@Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone) {
    return new EngineClock(zone);
  }

  @Bean
  ValidationConfigurationCustomizer danishValidationClock(EngineClock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
