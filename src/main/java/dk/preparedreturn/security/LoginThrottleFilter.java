package dk.preparedreturn.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a login attempt from a client that must wait ({@link LoginThrottle}) with
 * {@code 429 Too Many Requests} and {@code Retry-After}, before any password is checked. A login
 * attempt is a request with HTTP Basic credentials (engine REST API, the service's API, Actuator) or
 * the webapps' login form ({@code POST .../api/admin/auth/user/<engine>/login/<app>}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = attemptedUser(request);
    Optional<Duration> wait = user == null ? Optional.empty() : throttle.retryAfter(request.getRemoteAddr(), user);
    if (wait.isEmpty()) {
      // the password checks of this request (in the authentication filters that follow, before
      // Spring's request context exists) count for this client
      String previous = ThrottledIdentityProvider.CLIENT.get();
      ThrottledIdentityProvider.CLIENT.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        if (previous == null) {
          ThrottledIdentityProvider.CLIENT.remove();
        } else {
          ThrottledIdentityProvider.CLIENT.set(previous);
        }
      }
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
        + "\"detail\":\"Too many failed logins from this address; try again in " + seconds + " seconds\"}");
  }

  /** The user id of a login attempt, or null when the request is none. */
  static String attemptedUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if ("POST".equals(request.getMethod()) && request.getRequestURI().matches(".*/api/admin/auth/user/[^/]+/login/.*")) {
      String user = request.getParameter("username");
      return user == null ? "" : user;
    }
    return null;
  }
}
