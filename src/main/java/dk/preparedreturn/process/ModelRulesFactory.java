package dk.preparedreturn.process;

import dk.preparedreturn.identity.Groups;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** The {@link ModelRules} of this application: its model beans, groups and service-owned variables. */
@Component
public class ModelRulesFactory {

  private final ApplicationContext context;
  private volatile ModelRules.Vocabulary vocabulary;

  public ModelRulesFactory(ApplicationContext context) {
    this.context = context;
  }

  /** @param formExists whether a form id not in the checked files is deployed */
  public ModelRules create(Predicate<String> formExists) {
    ModelRules.Vocabulary known = vocabulary();
    return new ModelRules(new ModelRules.Vocabulary(known.modelBeans(), known.applicationBeans(), known.taskGroups(),
        known.routedGroups(), known.serviceOwnedVariables(), known.assignees(), formExists));
  }

  public ModelRules.Vocabulary vocabulary() {
    ModelRules.Vocabulary known = vocabulary;
    if (known == null) {
      Set<String> beans = new HashSet<>();
      context.getBeansOfType(ModelBeans.class).values().forEach(b -> beans.addAll(b.names()));
      known = new ModelRules.Vocabulary(Set.copyOf(beans), Set.copyOf(Arrays.asList(context.getBeanDefinitionNames())),
          Set.copyOf(Groups.DANISH_CASE_ACTORS), ServiceOwned.ROUTED_CANDIDATE_GROUPS, ServiceOwned.VARIABLES,
          ServiceOwned.ASSIGNEES, key -> false);
      vocabulary = known;
    }
    return known;
  }
}
