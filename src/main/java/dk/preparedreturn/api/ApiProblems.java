package dk.preparedreturn.api;

import dk.preparedreturn.identity.Forbidden;
import com.fasterxml.jackson.databind.JsonMappingException;
import dk.preparedreturn.casefile.CaseNotFound;
import dk.preparedreturn.process.InvalidFormInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Errors of the service's API as RFC 9457 problem+json. Bad input is a 400 that names every bad
 * field in {@code errors: [{field, message}]}; nothing is created or changed by a refused request.
 * Messages never echo submitted values (they may be personal data).
 */
@RestControllerAdvice(basePackages = "dk.preparedreturn")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

  private final dk.preparedreturn.identity.Texts texts;

  public ApiProblems(dk.preparedreturn.identity.Texts texts) {
    this.texts = texts;
  }

  record FieldProblem(String field, String message) {
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f))).sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    List<FieldProblem> all = new ArrayList<>(errors);
    e.getBindingResult().getGlobalErrors().forEach(g -> all.add(new FieldProblem(g.getObjectName(),
        g.getDefaultMessage())));
    return badRequest("Invalid fields: " + all.stream().map(FieldProblem::field).distinct()
        .collect(Collectors.joining(", ")), all);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalid(HandlerMethodValidationException e) {
    List<FieldProblem> errors = e.getAllErrors().stream()
        .map(err -> new FieldProblem(err instanceof FieldError f ? f.getField() : "request", err.getDefaultMessage()))
        .toList();
    return badRequest("Invalid request", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = mapping instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
          ? "unknown field" : "has the wrong format or an unknown value";
      return badRequest("Invalid field: " + field, List.of(new FieldProblem(field, message)));
    }
    return badRequest("The body is not valid JSON", List.of(new FieldProblem("body", "not valid JSON")));
  }

  @ExceptionHandler(BodyProblems.InvalidRequestBody.class)
  ProblemDetail invalid(BodyProblems.InvalidRequestBody e) {
    List<FieldProblem> errors = e.problems().stream().sorted((a, b) -> a.field().compareTo(b.field())).toList();
    return badRequest("Invalid fields: " + errors.stream().map(FieldProblem::field).distinct()
        .collect(Collectors.joining(", ")), errors);
  }

  /** A query or path parameter of the wrong type ({@code ?k=abc}, {@code ?limit=5.5}, a number too large). */
  @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
  ProblemDetail wrongType(org.springframework.beans.TypeMismatchException e) {
    String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
        ? m.getName() : e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    String expected = e.getRequiredType() == null ? "value" : switch (e.getRequiredType().getSimpleName()) {
      case "int", "Integer", "long", "Long" -> "whole number in range";
      case "LocalDate" -> "date (yyyy-mm-dd)";
      default -> "valid value";
    };
    return badRequest("Invalid parameter: " + name, List.of(new FieldProblem(name, "must be a " + expected)));
  }

  @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
  ProblemDetail missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
    return badRequest("Missing parameter: " + e.getParameterName(),
        List.of(new FieldProblem(e.getParameterName(), "is required")));
  }

  /**
   * An upload beyond {@code spring.servlet.multipart.max-file-size}: refused before the service reads it,
   * as a bad {@code file} in the caller's language (a document over {@code app.documents.max-size} but
   * under that cap gets the limit in the message from the documents service).
   */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e,
      jakarta.servlet.http.HttpServletRequest request) {
    dk.preparedreturn.identity.Audience audience = request.getAttribute(dk.preparedreturn.identity.Caller.ATTRIBUTE)
        instanceof dk.preparedreturn.identity.Caller caller ? caller.audience()
        : dk.preparedreturn.identity.Audience.DANISH;
    String message = texts.get(audience, "document.uploadCap");
    return badRequest(message, List.of(new FieldProblem("file", message)));
  }

  @ExceptionHandler(InvalidFormInput.class)
  ProblemDetail invalid(InvalidFormInput e) {
    return badRequest(e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
  }

  @ExceptionHandler(CaseNotFound.class)
  ProblemDetail notFound(CaseNotFound e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(Forbidden.class)
  ProblemDetail forbidden(Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler({org.springframework.dao.DataAccessException.class,
      org.springframework.transaction.TransactionException.class, org.camunda.bpm.engine.ProcessEngineException.class})
  org.springframework.http.ResponseEntity<ProblemDetail> database(RuntimeException e) {
    if (!DatabaseUnavailable.causedBy(e)) {
      return unexpected(e);
    }
    return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE));
  }

  /**
   * Anything else: Spring's own errors keep their status (405, 406, 415 ...), an engine authorization
   * failure is a 403, and a bug is a 500 with a reference that is also in the log; never a stack trace
   * or an exception message (it may contain submitted values) in the response.
   */
  @ExceptionHandler(Exception.class)
  org.springframework.http.ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (e instanceof org.springframework.web.ErrorResponse known) {
      return org.springframework.http.ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders())
          .body(known.getBody());
    }
    if (e instanceof org.camunda.bpm.engine.AuthorizationException) {
      return org.springframework.http.ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(problem(HttpStatus.FORBIDDEN, "You are not authorized for this"));
    }
    String reference = java.util.UUID.randomUUID().toString();
    LOG.error("Unexpected error, reference {}", reference, e);
    return org.springframework.http.ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error (reference " + reference + ")"));
  }

  public static ProblemDetail badRequest(String detail, List<FieldProblem> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  public static ProblemDetail problem(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return problem;
  }

  private static String message(FieldError error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

}
