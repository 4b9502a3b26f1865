package dk.preparedreturn.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors of the engine REST API that Camunda answers with 500 but that are the caller's situation
 * rather than a server fault, in Camunda's error format ({@code type}, {@code message}); every
 * other error is mapped by Camunda's own handlers as before:
 *
 * <ul>
 *   <li>a lost database: 503 with Retry-After (see {@link DatabaseUnavailable});</li>
 *   <li>a concurrent change, e.g. two caseworkers (on two nodes) completing the same task at the
 *       same moment: the loser gets 409 (Camunda answers 500), nothing of its request was saved;</li>
 *   <li>a task that no longer exists, e.g. completed by someone else a moment earlier: 404
 *       (Camunda answers 500 for complete, submit-form and the like).</li>
 * </ul>
 *
 * <p>Camunda wraps engine errors of most endpoints in a {@link RestException}, so the mappers
 * cover that type, engine exceptions and any other runtime exception.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  static final String CONCURRENT_CHANGE =
      "Changed by another request at the same moment; nothing of this request was saved. Reload and try again.";
  static final String TASK_GONE = "The task does not exist (any more): completed, deleted or never there.";

  @Bean
  ResourceConfigCustomizer databaseUnavailableMappers() {
    return config -> config.register(EngineExceptions.class).register(RestExceptions.class)
        .register(OtherExceptions.class);
  }

  static Response unavailable() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .entity(Map.of("type", "ServiceUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
  }

  /**
   * Engine errors that are the caller's mistake although Camunda answers 500: starting at the
   * default start activity while skipping listeners (ENGINE-13024), Java-serialized values
   * (prohibited here), values that cannot be deserialized.
   */
  static final java.util.regex.Pattern CALLER_MISTAKE = java.util.regex.Pattern.compile(
      "ENGINE-13024|ENGINE-17007|Java serialization|Cannot deserialize|serialization format|Cannot find serializer");

  static Response map(Throwable exception, Supplier<Response> camunda) {
    if (DatabaseUnavailable.causedBy(exception)) {
      return unavailable();
    }
    for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause.getMessage() != null && CALLER_MISTAKE.matcher(cause.getMessage()).find()
          && ExceptionHandlerHelper.getInstance().getStatus(exception) == Response.Status.INTERNAL_SERVER_ERROR) {
        String message = cause.getMessage().contains("ENGINE-13024")
            ? "Listeners and mappings can be skipped only with start instructions"
            : "This kind of value is not accepted (no Java serialization)";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", message)).build();
      }
    }
    if (ExceptionHandlerHelper.getInstance().getStatus(exception) != Response.Status.INTERNAL_SERVER_ERROR) {
      return camunda.get();
    }
    for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", OptimisticLockingException.class.getSimpleName(), "message", CONCURRENT_CHANGE))
            .build();
      }
      if (cause instanceof NullValueException && cause.getMessage() != null
          && cause.getMessage().startsWith("Cannot find task with id")) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", TASK_GONE)).build();
      }
    }
    return camunda.get();
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return map(exception, () -> camunda.toResponse(exception));
    }
  }

  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return map(exception, () -> camunda.toResponse(exception));
    }
  }

  @Priority(1)
  public static class OtherExceptions implements ExceptionMapper<RuntimeException> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(RuntimeException exception) {
      return map(exception, () -> camunda.toResponse(exception));
    }
  }
}
