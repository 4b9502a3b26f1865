package dk.preparedreturn.security;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cookie and header settings for a service reached through HTTPS (Camunda's production
 * recommendations), switched by two variables so operators need not know Camunda's property names:
 *
 * <ul>
 *   <li>{@code APP_SECURE_COOKIES=true}: the session cookie and the CSRF cookie get the Secure flag
 *       (both keep SameSite=Lax; the session cookie stays HttpOnly, the CSRF cookie must stay
 *       readable by the webapps' JavaScript);</li>
 *   <li>{@code APP_HSTS=true}: Strict-Transport-Security (max-age {@code APP_HSTS_MAX_AGE}, default
 *       one year, with subdomains).</li>
 * </ul>
 *
 * The content security policy, X-Content-Type-Options and the CSRF filter of the webapps stay on.
 * Plain HTTP is for the embedded default on a developer's machine only.
 */
@Configuration(proxyBeanMethods = false)
class HttpsHardening {

  @Bean
  static BeanPostProcessor httpsHardeningOfCamundaWebapps(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof CamundaBpmProperties properties) {
          Binder binder = Binder.get(environment);
          boolean secure = binder.bind("app.https.secure-cookies", Boolean.class).orElse(false);
          boolean hsts = binder.bind("app.https.hsts", Boolean.class).orElse(false);
          long maxAge = binder.bind("app.https.hsts-max-age", Long.class).orElse(31536000L);
          var webapp = properties.getWebapp();
          webapp.getSessionCookie().setEnableSecureCookie(secure);
          webapp.getSessionCookie().setEnableSameSiteCookie(true);
          webapp.getCsrf().setEnableSecureCookie(secure);
          webapp.getCsrf().setEnableSameSiteCookie(true);
          webapp.getHeaderSecurity().setHstsDisabled(!hsts);
          webapp.getHeaderSecurity().setHstsMaxAge(String.valueOf(maxAge));
          webapp.getHeaderSecurity().setHstsIncludeSubdomainsDisabled(!hsts);
          webapp.getHeaderSecurity().setContentSecurityPolicyDisabled(false);
          webapp.getHeaderSecurity().setContentTypeOptionsDisabled(false);
        }
        return bean;
      }
    };
  }
}
