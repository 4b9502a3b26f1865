package dk.preparedreturn.process;

import java.util.Set;

/**
 * Names of Spring beans that expressions in process models may use ({@code ${notify}},
 * {@code ${deadlines.dueOn(...)}}). {@link ModelExpressions} exposes the union of every
 * {@code ModelBeans} bean in the application context and no other bean.
 */
public record ModelBeans(Set<String> names) {

  public ModelBeans {
    names = Set.copyOf(names);
  }

  public static ModelBeans of(String... names) {
    return new ModelBeans(Set.of(names));
  }
}
