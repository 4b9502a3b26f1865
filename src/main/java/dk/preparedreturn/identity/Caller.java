package dk.preparedreturn.identity;

import java.util.Collection;
import java.util.List;

/**
 * A signed-in user as the service knows him: his Camunda user id and groups (from HTTP Basic or a
 * webapp session, verified by the service). Who the caller is always comes from here, never from
 * what a client sends.
 */
public record Caller(String userId, List<String> groups) {

  public static final String ATTRIBUTE = Caller.class.getName();

  public boolean inAny(Collection<String> groupIds) {
    return groups.stream().anyMatch(groupIds::contains);
  }

  public boolean in(String groupId) {
    return groups.contains(groupId);
  }

  public boolean admin() {
    return in(Groups.ADMINS);
  }

  public Audience audience() {
    return Audience.of(groups);
  }
}
