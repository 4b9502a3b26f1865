package dk.preparedreturn.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API is open by default (the starter registers no authentication). Every request
 * to it must carry HTTP Basic credentials of an engine user; the engine then checks authorizations
 * for that user and its groups. Same set-up as Camunda Run's REST configuration, except that the
 * list of engine names ({@code /engine}), which Camunda's filter leaves open, needs credentials too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EngineRestSecurity {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthenticationFilter(JerseyApplicationPath restPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EveryRequestAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(restPath.getUrlMapping());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Camunda's filter without its whitelist. */
  static final class EveryRequestAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
