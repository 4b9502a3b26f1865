package dk.preparedreturn.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A lost database outside the controllers and the engine REST resources: the authentication
 * filters of {@code /api}, {@code /app}, {@code /actuator} and {@code /engine-rest} check the
 * caller's password in the engine's tables before any handler runs, and an exception there became
 * a bare 500 from the servlet container. Answered like {@link ApiProblems} and
 * {@link EngineRestErrors} answer it: 503 with Retry-After, problem+json (Camunda's error format
 * under {@code /engine-rest}). Every other error passes through unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DatabaseUnavailableFilter {

  @Bean
  FilterRegistrationBean<Handler> databaseUnavailable() {
    FilterRegistrationBean<Handler> registration = new FilterRegistrationBean<>(new Handler());
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/*");
    // outside the authentication filters (HIGHEST_PRECEDENCE + 20 and + 40)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Handler extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
          throw e;
        }
        // the class only: messages of database errors may quote statement parameters
        LOG.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(),
            e.getClass().getName());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest/") || path.equals("/engine-rest")) {
          response.setContentType(MediaType.APPLICATION_JSON_VALUE);
          body.put("type", "ServiceUnavailable");
          body.put("message", DatabaseUnavailable.MESSAGE);
        } else {
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          body.put("type", "about:blank");
          body.put("title", "Service Unavailable");
          body.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          body.put("detail", DatabaseUnavailable.MESSAGE);
        }
        response.getOutputStream().write(json.writeValueAsBytes(body));
      }
    }
  }
}
