package dk.preparedreturn.security;

import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.identity.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.web.PageCsrf;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to the service's own API ({@code /api/**}), pages ({@code /app/**}) and
 * Actuator ({@code /actuator/**}; health and its probes stay public, everything else is for
 * administrators and the {@code monitoring} group):
 * HTTP Basic with an engine user ({@link LoginThrottle} applies), or, for reading only,
 * the session of a user signed in to the Camunda webapps (so a manager opens the reports page from
 * Cockpit). Requests that change something use Basic, or are a form of the service's own pages
 * ({@code /app}) posted with the session's token from the service's own origin ({@link PageCsrf}):
 * a cookie alone never writes, which rules out cross-site request forgery. Wrong Basic credentials are refused even when a session
 * exists. Unauthenticated calls get 401 problem+json.
 *
 * <p>Health is public, but a caller who signs in (Basic or session) is passed on to Actuator as the
 * request's principal with its groups as roles, so that administrators and {@code monitoring} see
 * the health details ({@code show-details: when-authorized}); anonymous callers see the status only.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  public ApiAuthenticationFilter(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean actuator = path.startsWith("/actuator");
    boolean health = actuator && (path.equals("/actuator/health") || path.startsWith("/actuator/health/"));
    boolean hasBasic = isBasic(request);
    Caller caller = hasBasic ? basic(request) : null;
    if (caller == null && !hasBasic && (isReadOnly(request) || isPageForm(request, path))) {
      caller = session(request);
    }
    if (health && !hasBasic && caller == null) {
      chain.doFilter(request, response);
      return;
    }
    if (caller == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"prepared-return\", charset=\"UTF-8\"");
      problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
          "Sign in with HTTP Basic (an engine user) or, to read, with a Camunda webapp session");
      return;
    }
    if (actuator && !health && !caller.admin() && !caller.in(Groups.MONITORING)) {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Only administrators and monitoring may read this");
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller);
    chain.doFilter(actuator ? signedIn(request, caller) : request, response);
  }

  /** The request as Actuator sees it: the caller as principal, its groups as roles. */
  private static HttpServletRequest signedIn(HttpServletRequest request, Caller caller) {
    Principal principal = caller::userId;
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public String getRemoteUser() {
        return caller.userId();
      }

      @Override
      public boolean isUserInRole(String role) {
        return caller.in(role);
      }
    };
  }

  private static boolean isBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  /** A form of the service's own pages, posted by the browser with the session's token (see PageCsrf). */
  private static boolean isPageForm(HttpServletRequest request, String path) {
    HttpSession session = request.getSession(false);
    return "POST".equals(request.getMethod()) && path.startsWith("/app/") && session != null
        && PageCsrf.valid(request, session);
  }

  private static boolean isReadOnly(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private Caller basic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    if (!identity.checkPassword(user, decoded.substring(colon + 1))) {
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    return new Caller(user, groups);
  }

  private static Caller session(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication user = authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ENGINE);
    if (user == null) {
      return null;
    }
    return new Caller(user.getName(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
  }
}
