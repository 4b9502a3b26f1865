package dk.preparedreturn.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every response of the service's APIs and pages must keep, whoever the caller:
 *
 * <ul>
 *   <li><b>no-store</b>: responses of {@code /api}, {@code /app}, {@code /engine-rest} and the webapps'
 *       API may carry personal data; no browser or proxy keeps them ({@code Cache-Control: no-store},
 *       whatever a framework set);</li>
 *   <li><b>each webapp's API for its users</b>: Cockpit's plugin API ({@code /camunda/api/cockpit/...})
 *       only for users with access to Cockpit, Admin's for administrators, Tasklist's for Tasklist
 *       users; a partner signed in to Tasklist reads no Cockpit statistics. The engine's own API
 *       ({@code /camunda/api/engine}) is guarded by the engine's authorizations and the caller
 *       policy, like {@code /engine-rest};</li>
 *   <li><b>errors that name no internals</b>: an error of the engine REST API or the webapps' API
 *       never shows a Java class name or a stack trace, and a server error only a reference that is
 *       also in the log; Camunda's "Cannot submit task form &lt;id&gt;:" before a form message is
 *       dropped, so the caseworker reads only what is wrong.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResponseGuards {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseGuards.class);
  static final Pattern CLASS_NAME = Pattern.compile(
      "\\b(?:org|java|javax|jakarta|com|dk|sun|liquibase)\\.(?:[a-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*");
  static final Pattern TASK_PREFIX = Pattern.compile(
      "^Cannot (?:submit task form|complete task|submit form of task) [0-9a-fA-F-]{36}: ");
  static final Pattern ENGINE_CODE = Pattern.compile("^ENGINE-\\d+ ");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> noStore() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
          @Override
          public void setHeader(String name, String value) {
            if (!isCacheHeader(name)) {
              super.setHeader(name, value);
            }
          }

          @Override
          public void addHeader(String name, String value) {
            if (!isCacheHeader(name)) {
              super.addHeader(name, value);
            }
          }
        });
      }
    });
    registration.setName("no-store");
    registration.setUrlPatterns(List.of("/api/*", "/app/*", "/engine-rest/*", "/camunda/api/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  static boolean isCacheHeader(String name) {
    return "Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappApiScope() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String app = appOf(path);
        UserAuthentication user = app == null ? null : user(request);
        if (user != null && !user.isAuthorizedForApp(app)) {
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setContentType("application/json");
          response.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"You have no access to "
              + app + "\"}").getBytes(StandardCharsets.UTF_8));
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("webapp-api-scope");
    registration.setUrlPatterns(List.of("/camunda/api/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }

  /** The webapp whose users may call this path of the webapps' API, or null for paths open to every user. */
  static String appOf(String path) {
    if (path.startsWith("/camunda/api/cockpit/")) {
      return "cockpit";
    }
    if (path.startsWith("/camunda/api/tasklist/")) {
      return "tasklist";
    }
    if (path.startsWith("/camunda/api/admin/") && !path.startsWith("/camunda/api/admin/auth/")
        && !path.startsWith("/camunda/api/admin/setup/")) {
      return "admin";
    }
    return null;
  }

  private static UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null
        : (UserAuthentication) authentications.getAuthenticationForProcessEngine(ApiAuthenticationFilter.ENGINE);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> errorsWithoutInternals() {
    ObjectMapper json = new ObjectMapper();
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        capture.finish(json);
      }
    });
    registration.setName("errors-without-internals");
    registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }

  /** The message of an error as a caller may read it. */
  static String clean(String message, int status) {
    if (message == null) {
      return null;
    }
    String cleaned = TASK_PREFIX.matcher(message).replaceFirst("");
    cleaned = ENGINE_CODE.matcher(cleaned).replaceFirst("");
    if (status == 500 || CLASS_NAME.matcher(cleaned).find() || cleaned.contains("\tat ")) {
      String reference = UUID.randomUUID().toString();
      LOG.warn("Error {} answered without its internals, reference {}: {}", status, reference, message);
      return status == 500 ? "Internal error (reference " + reference + ")"
          : "The request could not be carried out (reference " + reference + ")";
    }
    return cleaned;
  }

  /** Buffers the body of an error response (status 400 and above) so its message can be cleaned. */
  static final class ErrorCapture extends HttpServletResponseWrapper {

    private ByteArrayOutputStream buffer;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean capturing() {
      if (buffer == null && getStatus() >= 400) {
        buffer = new ByteArrayOutputStream();
      }
      return buffer != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!capturing()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // synchronous only
          }

          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!capturing()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (!capturing()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!capturing()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing()) {
        super.flushBuffer();
      }
    }

    void finish(ObjectMapper json) throws IOException {
      if (buffer == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = buffer.toByteArray();
      try {
        JsonNode node = body.length == 0 ? null : json.readTree(body);
        if (node instanceof ObjectNode object && object.has("message")) {
          object.put("message", clean(object.get("message").asText(null), getStatus()));
          object.remove("stackTrace");
          body = json.writeValueAsBytes(object);
        }
      } catch (IOException notJson) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (getStatus() == 500 || CLASS_NAME.matcher(text).find() || text.contains("\tat ")) {
          body = json.writeValueAsBytes(Map.of("type", getStatus() == 500 ? "ServerError" : "InvalidRequestException",
              "message", getStatus() == 500 ? clean(text, 500) : clean(text, getStatus())));
          getResponse().setContentType("application/json");
        }
      }
      getResponse().setContentLength(body.length);
      getResponse().getOutputStream().write(body);
    }
  }
}
