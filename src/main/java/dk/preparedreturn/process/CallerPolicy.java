package dk.preparedreturn.process;

import dk.preparedreturn.identity.Audience;
import dk.preparedreturn.identity.Texts;
import dk.preparedreturn.identity.Groups;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user may do through the engine, on every path that reaches it: the engine REST
 * API, the webapps' own API (Tasklist, Cockpit, Admin), the Java API with a user's authentication.
 * The engine's authorizations decide which data a user may read and which task he may work; this
 * decides which kinds of change a user may make at all, so that no client can write what only the
 * service may write. Every engine call of a signed-in user that is not an administrator is one of:
 *
 * <ul>
 *   <li>a read (queries, {@code Get...}: the engine's authorizations apply);</li>
 *   <li>for caseworkers and partners: claiming a task for themselves or giving it back, assigning it
 *       (to a member of its candidate groups, checked when the assignee changes), completing it with
 *       exactly its form's fields ({@link Submission}), commenting on it;</li>
 *   <li>for process owners: deploying models (checked by {@link DeploymentCheck}), suspending and
 *       activating them;</li>
 *   <li>for everyone: his own profile and password (not his e-mail address).</li>
 * </ul>
 *
 * Anything else (setting or deleting variables, correlating messages, signalling, starting or
 * modifying process instances, BPMN errors and escalations through the API, saving tasks, identity
 * links, history time to live, deletions ...) is refused with 403 and changes nothing. Values of a
 * completion are checked for their type and size before the engine sees them (400 naming the
 * variable). Administrators may do everything; their completions are checked like everybody's.
 * Calls made by the service itself (no user authentication, a call nested in a running command, or
 * a command the service's own code defines) are not judged here.
 */
@Component
class CallerPolicy extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CallerPolicy.class);
  /** Longest text a form field may hold (the forms' own maxLength are shorter). */
  static final int MAX_TEXT = 10_000;
  /** Largest JSON value (a checklist or the rows of a dynamic list). */
  static final int MAX_JSON = 100_000;
  static final Pattern READ_COMMAND = Pattern.compile("^(Get|Find|Is|Execute(Filter|List|Single|Duration)|Query"
      + "|Create[A-Za-z]*QueryCmd|HistoricTaskInstanceCountBy|TaskCountBy|Native|TablePageQuery|MetricsQuery"
      + "|QueryService|AuthorizationCheck|DetermineHistoryLevel|CheckPassword).*");
  static final Set<Class<?>> CASEWORK = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class, CompleteTaskCmd.class,
      SubmitTaskFormCmd.class, AddCommentCmd.class);
  static final Set<Class<?>> MODELLING = Set.of(DeployCmd.class, SuspendProcessDefinitionCmd.class,
      ActivateProcessDefinitionCmd.class);

  private final Texts texts;
  private ProcessEngineConfigurationImpl configuration;

  CallerPolicy(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new Judge());
    return interceptors;
  }

  final class Judge extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null || isOwnCommand(command)) {
        return next.execute(command);
      }
      IdentityService identity = configuration.getIdentityService();
      Authentication caller = identity.getCurrentAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return next.execute(command);
      }
      String taskId = judge(command, caller);
      if (taskId == null) {
        return next.execute(command);
      }
      Submission.open(taskId, submitted(command));
      try {
        return next.execute(command);
      } finally {
        Submission.close();
      }
    }
  }

  /** Refuses what the caller may not do; returns the task id of a completion (to be checked field by field). */
  String judge(Command<?> command, Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean admin = groups.contains(Groups.ADMINS);
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      checkValues(Submission.typed(submitted(command)), Audience.of(groups), texts);
      if (admin || isCaseworker(groups)) {
        return (String) read(command, "taskId");
      }
      throw refused(command, caller, groups);
    }
    if (admin || reads(command)) {
      return null;
    }
    if (isCaseworker(groups) && CASEWORK.contains(command.getClass())) {
      if (command instanceof ClaimTaskCmd) {
        Object userId = read(command, "userId");
        if (userId != null && !userId.equals(caller.getUserId())) {
          throw new AuthorizationException(texts.get(Audience.of(groups), "caller.claimOnlyForYourself"));
        }
      }
      return null;
    }
    if (groups.contains(Groups.PROCESS_OWNERS) && MODELLING.contains(command.getClass())) {
      return null;
    }
    if (command instanceof SaveUserCmd) {
      checkOwnProfile((User) read(command, "user"), caller, groups);
      return null;
    }
    throw refused(command, caller, groups);
  }

  private void checkOwnProfile(User user, Authentication caller, List<String> groups) {
    Audience audience = Audience.of(groups);
    if (user == null || !caller.getUserId().equals(user.getId())) {
      throw new AuthorizationException(texts.get(audience, "caller.ownProfileOnly"));
    }
    User stored = configuration.getIdentityService().createUserQuery().userId(user.getId()).singleResult();
    String before = stored == null ? null : blankToNull(stored.getEmail());
    if (!Objects.equals(before, blankToNull(user.getEmail()))) {
      throw new AuthorizationException(texts.get(audience, "caller.emailByAdministrator"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** A command the service's own code defines (no client can send one): the service acting, trusted. */
  static boolean isOwnCommand(Command<?> command) {
    return command.getClass().getName().startsWith("dk.preparedreturn.");
  }

  static boolean isCaseworker(List<String> groups) {
    return groups.stream().anyMatch(g -> Groups.DANISH_CASE_ACTORS.contains(g) || Groups.isPartnerGroup(g));
  }

  /** Reads: queries and the engine's getters; the engine's authorizations decide what they return. */
  static boolean reads(Command<?> command) {
    return command instanceof AbstractQuery<?, ?> || READ_COMMAND.matcher(command.getClass().getSimpleName()).matches();
  }

  private AuthorizationException refused(Command<?> command, Authentication caller, List<String> groups) {
    LOG.info("Refused {} for user {} (groups {})", command.getClass().getSimpleName(), caller.getUserId(), groups);
    return new AuthorizationException(texts.get(Audience.of(groups), "caller.refused"));
  }

  /** Type and size of submitted values, before the engine stores anything. */
  static void checkValues(Map<String, Object> values, Audience audience, Texts texts) {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      if (value instanceof ObjectValue || value instanceof FileValue || value instanceof BytesValue) {
        throw new InvalidFormInput(name, texts.get(audience, "field.typeNotAllowed", name));
      }
      Object plain = value instanceof TypedValue typed
          ? (typed instanceof SerializableValue serializable && !serializable.isDeserialized()
              ? serializable.getValueSerialized() : typed.getValue())
          : value;
      int limit = value instanceof SerializableValue ? MAX_JSON : MAX_TEXT;
      String text = plain == null ? null : plain.toString();
      if (text != null && text.length() > limit) {
        throw new InvalidFormInput(name, texts.get(audience, "field.tooLong", name));
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> submitted(Command<?> command) {
    Object values = command instanceof CompleteTaskCmd ? read(command, "variables") : read(command, "properties");
    return values == null ? Map.of() : (Map<String, Object>) values;
  }

  /** A field of one of the engine's command classes (7.24 is the last release; a test reads each one). */
  static Object read(Object command, String field) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + field);
  }
}
