package dk.preparedreturn.process;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A caseworker's input mistake is answered to the caseworker (400 with the message); it is not an
 * error of the service. The engine logs every exception of a failed command at ERROR with a stack
 * trace, and the task listener's exception arrives wrapped, so this Logback filter (see
 * logback-spring.xml) drops those log events whose cause is an {@link InvalidFormInput}.
 */
public class FormInputLogFilter extends Filter<ILoggingEvent> {

  static final String INVALID_FORM_INPUT = InvalidFormInput.class.getName();

  @Override
  public FilterReply decide(ILoggingEvent event) {
    for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
      if (INVALID_FORM_INPUT.equals(cause.getClassName())) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
