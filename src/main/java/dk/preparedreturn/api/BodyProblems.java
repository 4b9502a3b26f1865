package dk.preparedreturn.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Names every bad field of a request body in one 400, not only the first one Jackson meets. While
 * the body of one of the service's own endpoints is read, a value of the wrong type or format (a
 * malformed date, a value outside an enum, text for a number, an object for a string) is noted with
 * the field's JSON path as the client sent it ({@code person.dateOfBirth}, {@code claims[0].amount})
 * and reading goes on with {@code null}; unknown fields are found on the body before; afterwards the body's bean
 * validation runs too, and if anything was noted all problems are answered together
 * ({@link InvalidRequestBody}). Outside such a read (engine REST API, other uses of the mapper) the
 * handler does nothing.
 */
@Configuration(proxyBeanMethods = false)
class BodyProblems {

  static final String ATTRIBUTE = BodyProblems.class.getName() + ".problems";

  /** The bad fields of one body, in the order they were met; the first problem per field wins. */
  static final class Collected {
    final Map<String, String> problems = new LinkedHashMap<>();

    void add(String field, String message) {
      problems.putIfAbsent(field, message);
    }
  }

  /** Every bad field of a body: format problems and failed constraints. */
  public static class InvalidRequestBody extends RuntimeException {
    private final transient List<ApiProblems.FieldProblem> problems;

    InvalidRequestBody(List<ApiProblems.FieldProblem> problems) {
      super("Invalid fields");
      this.problems = problems;
    }

    List<ApiProblems.FieldProblem> problems() {
      return problems;
    }
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer collectBodyProblems() {
    return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new Handler()));
  }

  private static Collected current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes == null ? null
        : (Collected) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
  }

  /** The JSON path of the value the parser is at, as the client wrote it ("body" for the whole body). */
  static String path(JsonParser p) {
    JsonStreamContext context = p.getParsingContext();
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      context = context.getParent();
    }
    return path(context);
  }

  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        path.insert(0, "." + c.getCurrentName());
      }
    }
    String result = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    return result.isEmpty() ? "body" : result;
  }

  static final class Handler extends DeserializationProblemHandler {

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
        String failureMsg) {
      return targetType.isPrimitive() ? NOT_HANDLED : note(ctxt.getParser(), message(targetType));
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
        String failureMsg) {
      return targetType.isPrimitive() ? NOT_HANDLED : note(ctxt.getParser(), message(targetType));
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
        JsonParser p, String failureMsg) throws IOException {
      Collected collected = current();
      if (collected == null || targetType.isPrimitive()) {
        return NOT_HANDLED;
      }
      collected.add(path(p), message(targetType.getRawClass()));
      p.skipChildren();
      return null;
    }

    /** Unknown fields were found on the whole body before binding (see {@link Advice}); here they are skipped. */
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      if (current() == null) {
        return false;
      }
      p.skipChildren();
      return true;
    }

    private static Object note(JsonParser p, String message) {
      Collected collected = current();
      if (collected == null) {
        return NOT_HANDLED;
      }
      collected.add(path(p), message);
      return null;
    }

    private static String message(Class<?> type) {
      if (type.isEnum()) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
          names.add(((Enum<?>) constant).name());
        }
        return "must be one of " + String.join(", ", names);
      }
      if (type == java.time.LocalDate.class) {
        return "must be a date in ISO format (yyyy-mm-dd)";
      }
      if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
        return "must be a number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "must be true or false";
      }
      return "has the wrong format";
    }
  }

  /**
   * Starts the collection for the bodies of the service's own endpoints and answers what it found.
   * Unknown fields are found on the body as a tree before binding, against the target type's
   * properties: Jackson reports those of a record only after the whole object, without their path.
   */
  @ControllerAdvice(basePackages = "dk.preparedreturn")
  static class Advice extends RequestBodyAdviceAdapter {

    private final Validator validator;
    private final ObjectMapper mapper;

    Advice(Validator validator, ObjectMapper mapper) {
      this.validator = validator;
      this.mapper = mapper;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes == null) {
        return input;
      }
      byte[] body = input.getBody().readAllBytes();
      Collected collected = new Collected();
      try {
        unknownFields(mapper.readTree(body), mapper.constructType(targetType), "", collected);
      } catch (IOException notJson) {
        // the converter answers it
      }
      attributes.setAttribute(ATTRIBUTE, collected, RequestAttributes.SCOPE_REQUEST);
      return new HttpInputMessage() {
        @Override
        public InputStream getBody() {
          return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
          return input.getHeaders();
        }
      };
    }

    private void unknownFields(JsonNode node, JavaType type, String path, Collected collected) {
      if (node == null || type == null) {
        return;
      }
      if (node.isObject() && isBean(type)) {
        BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
        Map<String, JavaType> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
          properties.put(property.getName(), property.getPrimaryType());
        }
        node.properties().forEach(field -> {
          String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
          JavaType fieldType = properties.get(field.getKey());
          if (fieldType == null) {
            collected.add(child, "unknown field");
          } else {
            unknownFields(field.getValue(), fieldType, child, collected);
          }
        });
      } else if (node.isArray() && (type.isCollectionLikeType() || type.isArrayType())) {
        for (int i = 0; i < node.size(); i++) {
          unknownFields(node.get(i), type.getContentType(), path + "[" + i + "]", collected);
        }
      }
    }

    private static boolean isBean(JavaType type) {
      Class<?> raw = type.getRawClass();
      return !type.isContainerType() && !type.isPrimitive() && !type.isEnumType() && raw != Object.class
          && !JsonNode.class.isAssignableFrom(raw) && !raw.getName().startsWith("java.");
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      Collected collected = current();
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes != null) {
        attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      }
      if (collected == null || collected.problems.isEmpty()) {
        return body;
      }
      List<ApiProblems.FieldProblem> problems = new ArrayList<>();
      collected.problems.forEach((field, message) -> problems.add(new ApiProblems.FieldProblem(field, message)));
      if (body != null) {
        for (ConstraintViolation<Object> violation : validator.validate(body)) {
          String field = violation.getPropertyPath().toString();
          boolean formatProblem = collected.problems.keySet().stream()
              .anyMatch(f -> f.equals(field) || field.startsWith(f + ".") || field.startsWith(f + "["));
          if (!formatProblem) {
            problems.add(new ApiProblems.FieldProblem(field, violation.getMessage()));
          }
        }
      }
      throw new InvalidRequestBody(problems);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
        Class<? extends HttpMessageConverter<?>> converterType) {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes != null) {
        attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      }
      return body;
    }
  }
}
