package dk.preparedreturn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of the service's own pages ({@code /app/**}), as Camunda's header security filter
 * sets them for its webapps: the pages run no script and load nothing from elsewhere; only a page of
 * this service may frame them (Tasklist's "Sag" / "Case" tab shows the case page), so no other site
 * can overlay them to make a caseworker click a form.
 */
@Component
class PageHeaders extends OncePerRequestFilter {

  static final String POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'self'; base-uri 'self'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/app") || path.startsWith("/app/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
