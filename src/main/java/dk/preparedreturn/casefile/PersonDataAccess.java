package dk.preparedreturn.casefile;

import dk.preparedreturn.identity.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Need-to-know per organisation for the person's data (journey.md, data protection): identity data
 * for those who must recognise or travel with the person, the social case only for those who
 * support it. Managers, process owners and administrators see no person data at all.
 *
 * <table>
 *   <tr><th>field</th><th>UDS</th><th>CMM</th><th>HJS</th><th>DRC</th><th>partner</th><th>police</th></tr>
 *   <tr><td>fullName, dateOfBirth</td><td>x</td><td>x</td><td>x</td><td>x</td><td>x</td><td>x</td></tr>
 *   <tr><td>gender, preferredLanguage</td><td>x</td><td>x</td><td>x</td><td>x</td><td>x</td><td></td></tr>
 *   <tr><td>nationality</td><td>x</td><td>x</td><td>x</td><td></td><td></td><td>x</td></tr>
 *   <tr><td>exploitationType</td><td>x</td><td>x</td><td></td><td></td><td></td><td>x</td></tr>
 *   <tr><td>hasChildren, numberOfChildren</td><td></td><td>x</td><td></td><td>x</td><td>x</td><td></td></tr>
 * </table>
 */
public final class PersonDataAccess {

  public enum Field { fullName, dateOfBirth, gender, preferredLanguage, nationality, exploitationType, hasChildren,
    numberOfChildren }

  static final Map<String, Set<Field>> BY_GROUP = Map.of(
      Groups.UDLAENDINGESTYRELSEN, EnumSet.of(Field.fullName, Field.dateOfBirth, Field.gender, Field.preferredLanguage,
          Field.nationality, Field.exploitationType),
      Groups.CMM, EnumSet.allOf(Field.class),
      Groups.HJEMREJSESTYRELSEN, EnumSet.of(Field.fullName, Field.dateOfBirth, Field.gender, Field.preferredLanguage,
          Field.nationality),
      Groups.DRC, EnumSet.of(Field.fullName, Field.dateOfBirth, Field.gender, Field.preferredLanguage, Field.hasChildren,
          Field.numberOfChildren),
      Groups.POLITI, EnumSet.of(Field.fullName, Field.dateOfBirth, Field.nationality, Field.exploitationType));
  static final Set<Field> PARTNER = EnumSet.of(Field.fullName, Field.dateOfBirth, Field.gender, Field.preferredLanguage,
      Field.hasChildren, Field.numberOfChildren);

  private PersonDataAccess() {
  }

  /** The fields visible to the groups that take part in the case. */
  public static Set<Field> visible(Collection<String> participatingGroupsOfCaller) {
    Set<Field> fields = EnumSet.noneOf(Field.class);
    for (String group : participatingGroupsOfCaller) {
      if (Groups.isPartnerGroup(group)) {
        fields.addAll(PARTNER);
      } else {
        fields.addAll(BY_GROUP.getOrDefault(group, Set.of()));
      }
    }
    return fields;
  }

  public static Map<String, Object> filter(PersonData person, Set<Field> fields) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put(Field.fullName.name(), person.fullName());
    all.put(Field.dateOfBirth.name(), person.dateOfBirth());
    all.put(Field.gender.name(), person.gender());
    all.put(Field.preferredLanguage.name(), person.preferredLanguage());
    all.put(Field.nationality.name(), person.nationality());
    all.put(Field.exploitationType.name(), person.exploitationType());
    all.put(Field.hasChildren.name(), person.hasChildren());
    all.put(Field.numberOfChildren.name(), person.numberOfChildren());
    Map<String, Object> visible = new LinkedHashMap<>();
    for (Field field : fields) {
      if (all.get(field.name()) != null) {
        visible.put(field.name(), all.get(field.name()));
      }
    }
    return visible;
  }

  public static List<String> names(Collection<Field> fields) {
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(f.name()));
    return names;
  }
}
