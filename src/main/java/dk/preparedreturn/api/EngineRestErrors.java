package dk.preparedreturn.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers a lost database with 503 and Retry-After (see
 * {@link DatabaseUnavailable}) in Camunda's error format; every other error is mapped by Camunda's
 * own handlers as before.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer databaseUnavailableMappers() {
    return config -> config.register(EngineExceptions.class).register(OtherExceptions.class);
  }

  static Response unavailable() {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .entity(Map.of("type", "ServiceUnavailable", "message", DatabaseUnavailable.MESSAGE)).build();
  }

  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return DatabaseUnavailable.causedBy(exception) ? unavailable() : camunda.toResponse(exception);
    }
  }

  @Priority(1)
  public static class OtherExceptions implements ExceptionMapper<RuntimeException> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(RuntimeException exception) {
      return DatabaseUnavailable.causedBy(exception) ? unavailable() : camunda.toResponse(exception);
    }
  }
}
