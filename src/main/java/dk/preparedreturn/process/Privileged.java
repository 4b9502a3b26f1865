package dk.preparedreturn.process;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Delegates and listeners run with the authorizations of the caseworker whose action triggered
 * them. Work the service does on the case's behalf (moving a deadline in a called process, granting
 * access) runs without authorization checks, inside the same transaction.
 */
public final class Privileged {

  private Privileged() {
  }

  public static <T> T call(Callable<T> action) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? action.call() : context.runWithoutAuthorization(action);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
