package dk.preparedreturn.process;

import java.util.Map;

/**
 * The values a user submitted to complete a task, as they came (the engine sets them on the task
 * before the task's listeners run, so only this tells which of its variables the user sent). Open
 * while {@link CallerPolicy} lets the completion run; read by the form validation, which accepts
 * exactly the fields of the task's form.
 */
public final class Submission {

  private static final ThreadLocal<Submission> CURRENT = new ThreadLocal<>();

  private final String taskId;
  private final Map<String, Object> values;

  private Submission(String taskId, Map<String, Object> values) {
    this.taskId = taskId;
    this.values = values == null ? Map.of() : values;
  }

  /** The user's submission for the task, or null when the service completes it (or no user did). */
  public static Submission of(String taskId) {
    Submission submission = CURRENT.get();
    return submission != null && submission.taskId.equals(taskId) ? submission : null;
  }

  public Map<String, Object> values() {
    return values;
  }

  static void open(String taskId, Map<String, Object> values) {
    CURRENT.set(new Submission(taskId, typed(values)));
  }

  /** The values as sent: typed values stay typed (a serialized object is never deserialized here). */
  static Map<String, Object> typed(Map<String, Object> values) {
    if (!(values instanceof org.camunda.bpm.engine.variable.VariableMap map)) {
      return values == null ? Map.of() : values;
    }
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    for (String name : map.keySet()) {
      typed.put(name, map.getValueTyped(name));
    }
    return typed;
  }

  static void close() {
    CURRENT.remove();
  }
}
