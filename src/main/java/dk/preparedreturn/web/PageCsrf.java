package dk.preparedreturn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Forms of the service's own pages are posted with the browser's session (the user signed in to
 * Tasklist or Cockpit): each carries a token bound to the session ({@code _csrf}, a hidden field),
 * and the request must come from the service's own origin. A post without both is not signed in.
 */
public final class PageCsrf {

  public static final String PARAMETER = "_csrf";
  static final String ATTRIBUTE = PageCsrf.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PageCsrf() {
  }

  /** The session's token, created at first use. */
  public static String token(HttpSession session) {
    Object token = session.getAttribute(ATTRIBUTE);
    if (token instanceof String existing) {
      return existing;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(ATTRIBUTE, created);
    return created;
  }

  /** Whether a form post carries the session's token and comes from this origin. */
  public static boolean valid(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(ATTRIBUTE);
    String sent = request.getParameter(PARAMETER);
    if (!(expected instanceof String token) || sent == null
        || !MessageDigest.isEqual(token.getBytes(), sent.getBytes())) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      String referer = request.getHeader("Referer");
      if (referer == null) {
        return false;
      }
      origin = referer;
    }
    try {
      URI from = URI.create(origin);
      return request.getServerName().equalsIgnoreCase(from.getHost()) && port(from) == request.getServerPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
