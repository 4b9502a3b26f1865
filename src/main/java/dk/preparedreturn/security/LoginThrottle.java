package dk.preparedreturn.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Throttling of failed logins by the client's address, so that an attacker slows down himself and
 * nobody else. Camunda's own protection delays the <em>user id</em>: during its delay even the
 * right password fails, so anyone who knows a caseworker's id (they are guessable) could keep that
 * caseworker out by sending one wrong password a minute. That delay is switched off
 * ({@code login-delay-max-time: 0}); instead:
 *
 * <ul>
 *   <li>a client address that failed {@code maxFailuresPerClientAndUser} times for one user id
 *       must wait before trying that user id again;</li>
 *   <li>a client address that failed {@code maxFailuresPerClient} times for any user ids must wait
 *       before trying any;</li>
 *   <li>the wait starts at {@code firstBlock} and doubles with every further failure up to
 *       {@code maxBlock}; failures are forgotten {@code forgetAfter} after the last one; a success
 *       clears the failures of that address and user id (never those of the address alone, so an
 *       attacker's own account does not reset his count).</li>
 * </ul>
 *
 * The user logging in from any other address is not affected. The client address is
 * {@code request.getRemoteAddr()}: the TCP peer, or, only when the service is configured to run
 * behind a proxy ({@code server.forward-headers-strategy}), the address the proxy reports in
 * {@code X-Forwarded-For}. The counts live in the memory of each node.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** One client address ({@code user == null}) or one client address and user id. */
  record Key(String client, String user) {
  }

  static final class Failures {
    int count;
    volatile Instant last;
    volatile Instant blockedUntil = Instant.MIN;
  }

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
  private final Counter failed;
  private final Counter refused;

  LoginThrottle(LoginThrottleProperties properties, ObjectProvider<MeterRegistry> meters, Clock clock) {
    this.clock = clock;
    this.properties = properties;
    MeterRegistry registry = meters.getIfAvailable();
    this.failed = registry == null ? null : Counter.builder("logins.failed")
        .description("Failed logins (wrong user id or password)").register(registry);
    this.refused = registry == null ? null : Counter.builder("logins.throttled")
        .description("Login attempts refused because the client failed too often").register(registry);
  }

  public boolean enabled() {
    return properties.enabled();
  }

  /**
   * How long this client must wait before it may try this user id; empty when it may try now. A
   * refused attempt is counted in the metric {@code logins_throttled}.
   */
  public Optional<Duration> retryAfter(String client, String user) {
    Optional<Duration> wait = waitFor(client, user);
    if (wait.isPresent() && refused != null) {
      refused.increment();
    }
    return wait;
  }

  /** Like {@link #retryAfter} without counting. */
  Optional<Duration> waitFor(String client, String user) {
    if (!properties.enabled() || client == null) {
      return Optional.empty();
    }
    Instant now = now();
    Instant until = later(blockedUntil(new Key(client, null)), user == null ? Instant.MIN
        : blockedUntil(new Key(client, user)));
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  public void failed(String client, String user) {
    if (failed != null) {
      failed.increment();
    }
    if (!properties.enabled() || client == null) {
      return;
    }
    Instant now = now();
    boolean clientBlocked = fail(new Key(client, null), properties.maxFailuresPerClient(), now);
    boolean pairBlocked = user != null && fail(new Key(client, user), properties.maxFailuresPerClientAndUser(), now);
    if (clientBlocked || pairBlocked) {
      // the user id is not logged: it may be a password typed into the wrong field
      LOG.warn("Failed logins: client {} must wait ({})", client, clientBlocked ? "too many failures from this"
          + " address" : "too many failures for one user id from this address");
    }
    if (failures.size() > properties.maxTracked()) {
      forget(now);
    }
  }

  public void succeeded(String client, String user) {
    if (client != null && user != null) {
      failures.remove(new Key(client, user));
    }
  }

  /** Counts a failure; true when the key is blocked now. */
  private boolean fail(Key key, int allowed, Instant now) {
    Failures f = failures.compute(key, (k, existing) -> {
      Failures next = existing == null || isForgotten(existing, now) ? new Failures() : existing;
      next.count++;
      next.last = now;
      if (next.count >= allowed) {
        int beyond = Math.min(next.count - allowed, 20);
        Duration block = properties.firstBlock().multipliedBy(1L << beyond);
        if (block.compareTo(properties.maxBlock()) > 0) {
          block = properties.maxBlock();
        }
        next.blockedUntil = now.plus(block);
      }
      return next;
    });
    return f.blockedUntil.isAfter(now);
  }

  private Instant blockedUntil(Key key) {
    Failures f = failures.get(key);
    return f == null ? Instant.MIN : f.blockedUntil;
  }

  private boolean isForgotten(Failures f, Instant now) {
    return !f.blockedUntil.isAfter(now) && f.last.plus(properties.forgetAfter()).isBefore(now);
  }

  /** Drops forgotten entries; if still too many, the unblocked ones with the oldest failure. */
  private void forget(Instant now) {
    failures.entrySet().removeIf(e -> isForgotten(e.getValue(), now));
    int excess = failures.size() - properties.maxTracked();
    if (excess > 0) {
      failures.entrySet().stream().filter(e -> !e.getValue().blockedUntil.isAfter(now))
          .sorted(Comparator.comparing(e -> e.getValue().last)).limit(excess).map(Map.Entry::getKey).toList()
          .forEach(failures::remove);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private Instant now() {
    return clock.instant();
  }
}
