package dk.preparedreturn.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention of personal data.
 *
 * @param personalData how long after a case is closed its personal data is kept (then deleted)
 * @param enabled whether the daily retention run is scheduled on this node
 */
@ConfigurationProperties("app.retention")
public record RetentionProperties(Period personalData, boolean enabled) {
}
