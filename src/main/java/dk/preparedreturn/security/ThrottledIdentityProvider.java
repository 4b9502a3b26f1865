package dk.preparedreturn.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's identity provider with {@link LoginThrottle} in place of Camunda's per-user login
 * delay. Every password check of the service goes through here: the webapps' login, HTTP Basic on
 * {@code /engine-rest} and on the service's own API. A check made while serving an HTTP request
 * is counted for that request's client address; a check while the client must wait fails without
 * looking at the password (so guessing goes on no faster). Checks outside a request (start-up,
 * tests) are not throttled.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  /** The client address of the request this thread serves, set by {@link LoginThrottleFilter}. */
  static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  private final LoginThrottle throttle;

  ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String client = currentClient();
    if (throttle.waitFor(client, userId).isPresent()) {
      return false;
    }
    boolean valid = super.checkPassword(userId, password);
    if (valid) {
      throttle.succeeded(client, userId);
    } else {
      throttle.failed(client, userId);
    }
    return valid;
  }

  /** Camunda's per-user delay is off: a wrong password never delays the user's right one. */
  @Override
  protected void lockUser(UserEntity user) {
  }

  /** The address of the client of the HTTP request this thread serves, or null outside a request. */
  static String currentClient() {
    String client = CLIENT.get();
    if (client != null) {
      return client;
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
