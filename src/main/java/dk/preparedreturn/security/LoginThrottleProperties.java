package dk.preparedreturn.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed logins ({@link LoginThrottle}).
 *
 * @param enabled false switches throttling off (never in production)
 * @param maxFailuresPerClientAndUser failed logins of one user id from one client address before that pair waits
 * @param maxFailuresPerClient failed logins from one client address (any user ids) before the address waits
 * @param firstBlock the first wait; it doubles with every further failure
 * @param maxBlock the longest wait
 * @param forgetAfter failures are forgotten after this long without a new failure (and after the wait)
 * @param maxTracked client addresses and pairs tracked at most; beyond that the oldest unblocked are dropped
 */
@ConfigurationProperties("app.login-throttle")
public record LoginThrottleProperties(Boolean enabled, Integer maxFailuresPerClientAndUser,
    Integer maxFailuresPerClient, Duration firstBlock, Duration maxBlock, Duration forgetAfter, Integer maxTracked) {

  public LoginThrottleProperties {
    enabled = enabled == null || enabled;
    maxFailuresPerClientAndUser = maxFailuresPerClientAndUser == null ? 5 : maxFailuresPerClientAndUser;
    maxFailuresPerClient = maxFailuresPerClient == null ? 20 : maxFailuresPerClient;
    firstBlock = firstBlock == null ? Duration.ofSeconds(30) : firstBlock;
    maxBlock = maxBlock == null ? Duration.ofMinutes(15) : maxBlock;
    forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
    maxTracked = maxTracked == null ? 100_000 : maxTracked;
    if (maxFailuresPerClientAndUser < 1 || maxFailuresPerClient < 1) {
      throw new IllegalArgumentException("app.login-throttle.max-failures-* must be at least 1");
    }
  }
}
