package dk.preparedreturn.process;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.camunda.spin.Spin;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What an expression in a process model ({@code ${...}} in BPMN and DMN) may reach. A process owner
 * deploys models from Camunda Modeler; by default the Spring integration lets every expression call
 * every bean of the application (the repository of personal data, the mail sender, the data
 * source) and any public method of any object it can reach. Here expressions see:
 *
 * <ul>
 *   <li>process variables, {@code execution} and {@code task}, and the engine's functions
 *       ({@code now()}, {@code dateTime()}, {@code currentUser()}, Spin's {@code S()});</li>
 *   <li>only the beans named by {@link ModelBeans} beans: the delegates and listeners the models
 *       use and the date arithmetic {@code deadlines} (the same map is the beans of scripts);</li>
 *   <li>methods and properties only of those beans, of values (strings, numbers, booleans, dates,
 *       lists, maps, decision results, JSON) and, on {@code execution} and {@code task}, only the
 *       case's variables and the ids, names and dates of the step; never {@code getClass()},
 *       never the engine, its configuration or anything else reachable from there.</li>
 * </ul>
 *
 * Anything else fails when the expression is evaluated, like an unknown variable does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelExpressions extends AbstractProcessEnginePlugin {

  /** Properties (and their getters) of {@code execution} and {@code task} a model may read. */
  static final Set<String> SCOPE_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey", "businessKey",
      "processDefinitionId", "activityInstanceId", "parentActivityInstanceId", "currentActivityId",
      "currentActivityName", "currentTransitionId", "eventName", "tenantId", "executionId", "name", "description",
      "assignee", "owner", "taskDefinitionKey", "priority", "dueDate", "followUpDate", "createTime",
      "variables", "variablesLocal", "variablesTyped", "variablesLocalTyped", "variableNames", "variableNamesLocal");
  /** Methods of {@code execution} and {@code task} a model may call: the variables of the case. */
  static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
      "getVariableLocalTyped", "hasVariable", "hasVariableLocal", "hasVariables", "hasVariablesLocal", "getVariables",
      "getVariablesLocal", "getVariablesTyped", "getVariablesLocalTyped", "getVariableNames", "getVariableNamesLocal",
      "setVariable", "setVariableLocal", "setVariables", "setVariablesLocal", "removeVariable", "removeVariableLocal");
  /** Values whose methods and properties a model may use. */
  static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Number.class, Boolean.class, Character.class,
      Enum.class, Date.class, TemporalAccessor.class, TemporalAmount.class, Collection.class, Map.class,
      DmnDecisionResult.class, DmnDecisionResultEntries.class, DmnDecisionTableResult.class,
      DmnDecisionRuleResult.class, TypedValue.class, Spin.class);

  private final ApplicationContext context;

  ModelExpressions(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    AllowedBeans beans = new AllowedBeans(context);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new ModelExpressionManager(beans));
  }

  /** The beans of the models: a read-only view of the application context limited to {@link ModelBeans}. */
  static final class AllowedBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    AllowedBeans(ApplicationContext context) {
      this.context = context;
    }

    Set<String> names() {
      Set<String> known = names;
      if (known == null) {
        Set<String> all = new HashSet<>();
        context.getBeansOfType(ModelBeans.class).values().forEach(b -> all.addAll(b.names()));
        known = Set.copyOf(all);
        names = known;
      }
      return known;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name) && context.containsBean(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    boolean isBean(Object object) {
      for (String name : names()) {
        if (context.containsBean(name) && context.getBean(name) == object) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> beans = new LinkedHashMap<>();
      names().stream().sorted().filter(context::containsBean).forEach(name -> beans.put(name, context.getBean(name)));
      return beans.entrySet();
    }
  }

  static final class ModelExpressionManager extends JuelExpressionManager {

    private final AllowedBeans allowed;

    ModelExpressionManager(AllowedBeans beans) {
      super(beans);
      this.allowed = beans;
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new VariableScopeElResolver());
      resolver.add(new VariableContextElResolver());
      resolver.add(new ReadOnlyMapELResolver(beans));
      resolver.add(new ArrayELResolver());
      resolver.add(new ListELResolver());
      resolver.add(new MapELResolver());
      resolver.add(new RestrictedBeanElResolver(allowed));
      return resolver;
    }
  }

  /** Camunda's bean resolver (properties and methods of objects) limited as described above. */
  static final class RestrictedBeanElResolver extends BeanELResolver {

    private final AllowedBeans beans;

    RestrictedBeanElResolver(AllowedBeans beans) {
      super(true);
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base != null && property != null && !mayRead(base, property.toString())) {
        throw new PropertyNotFoundException(refusal(base, property.toString()));
      }
      return super.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base != null && property != null && !mayRead(base, property.toString())) {
        throw new PropertyNotFoundException(refusal(base, property.toString()));
      }
      return super.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new PropertyNotWritableException(refusal(base, String.valueOf(property)));
      }
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base != null && method != null && !mayCall(base, method.toString())) {
        throw new MethodNotFoundException(refusal(base, method + "()"));
      }
      return super.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    boolean mayRead(Object base, String property) {
      if (property.equals("class")) {
        return false;
      }
      if (base instanceof VariableScope) {
        return SCOPE_PROPERTIES.contains(property);
      }
      return isValue(base) || beans.isBean(base);
    }

    boolean mayCall(Object base, String method) {
      if (method.equals("getClass")) {
        return false;
      }
      if (base instanceof VariableScope) {
        return SCOPE_METHODS.contains(method) || SCOPE_PROPERTIES.contains(property(method));
      }
      return isValue(base) || beans.isBean(base);
    }

    static boolean isValue(Object base) {
      return VALUE_TYPES.stream().anyMatch(type -> type.isInstance(base))
          || base.getClass().getName().startsWith("org.joda.time.");
    }

    /** {@code getDueDate -> dueDate}, {@code isX -> x}; other names unchanged. */
    static String property(String method) {
      String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
      return rest.isEmpty() ? method : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    static String refusal(Object base, String member) {
      return "Process models may not use " + member + " of " + base.getClass().getSimpleName()
          + " (only the model beans, values and the case's variables; see ModelExpressions)";
    }
  }
}
