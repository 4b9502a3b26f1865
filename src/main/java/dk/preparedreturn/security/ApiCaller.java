package dk.preparedreturn.security;

import dk.preparedreturn.identity.Groups;
import java.util.Collection;
import java.util.List;

/** The authenticated caller of the service's own API and pages: a Camunda user and its groups. */
public record ApiCaller(String userId, List<String> groups) {

  public static final String ATTRIBUTE = ApiCaller.class.getName();

  public boolean inAny(Collection<String> groupIds) {
    return groups.stream().anyMatch(groupIds::contains);
  }

  public boolean in(String groupId) {
    return groups.contains(groupId);
  }

  public boolean admin() {
    return in(Groups.ADMINS);
  }
}
