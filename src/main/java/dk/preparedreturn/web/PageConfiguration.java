package dk.preparedreturn.web;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the service's own pages is the caller's audience ({@link Audience}): Danish for
 * the Danish organisations, English for the partners abroad, whatever the browser asks for. Texts
 * come from {@code messages_da.properties} and {@code messages_en.properties} (English).
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

  @Bean
  LocaleResolver localeResolver() {
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.ATTRIBUTE);
        return caller instanceof Caller c ? c.audience().locale() : Audience.DANISH.locale();
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language follows the caller's organisation");
      }
    };
  }
}
