package dk.preparedreturn.web;

import dk.preparedreturn.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;

/** What every page template has: {@code fmt}, the reader's formats ({@link PageFormat}), and {@code caller}. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ZoneId zone;

  PageModel(MessageSource messages, LocaleResolver locales, @Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone) {
    this.messages = messages;
    this.locales = locales;
    this.zone = zone;
  }

  /** The signed-in user (the pages' header shows him and the links his organisation uses). */
  @ModelAttribute("caller")
  Caller caller(HttpServletRequest request) {
    return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller c ? c : null;
  }

  @ModelAttribute("fmt")
  PageFormat format(HttpServletRequest request) {
    return new PageFormat(messages, locales.resolveLocale(request), zone);
  }
}
