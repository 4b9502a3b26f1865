package dk.preparedreturn.process;

import dk.preparedreturn.identity.Audience;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The users and groups of the organisations (Camunda's identity service), read on the service's
 * behalf: whoever triggered the read (a caseworker completing a task, a scheduled job) need not be
 * allowed to read users and groups themselves. Features ask here, never the identity service.
 */
@Component
public class Directory {

  /** A user as features need one: no password, no picture. */
  public record Member(String id, String firstName, String lastName, String email) {

    /** "First Last (id)", as choices in a form show a user. */
    public String label() {
      String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
      return name.isEmpty() ? id : name + " (" + id + ")";
    }

    public Optional<String> mailAddress() {
      return email == null || email.isBlank() ? Optional.empty() : Optional.of(email);
    }
  }

  private final IdentityService identity;

  Directory(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Member> user(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(Privileged.call(() -> identity.createUserQuery().userId(userId).singleResult()))
        .map(Directory::member);
  }

  /** The groups a user belongs to. */
  public List<String> groupsOf(String userId) {
    return Privileged.call(() -> identity.createGroupQuery().groupMember(userId).list()).stream()
        .map(Group::getId).toList();
  }

  /** The language the user works in, from their groups. */
  public Audience audienceOf(String userId) {
    return Audience.of(groupsOf(userId));
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupId != null
        && Privileged.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  public boolean groupExists(String groupId) {
    return groupId != null && Privileged.call(() -> identity.createGroupQuery().groupId(groupId).count()) > 0;
  }

  /** The first {@code max} members of a group, by last name. */
  public List<Member> members(String groupId, int max) {
    return Privileged.call(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc()
        .listPage(0, max)).stream().map(Directory::member).toList();
  }

  /** The ids of the first {@code max} groups. */
  public List<String> groups(int max) {
    return Privileged.call(() -> identity.createGroupQuery().orderByGroupId().asc().listPage(0, max)).stream()
        .map(Group::getId).toList();
  }

  private static Member member(User user) {
    return new Member(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
  }
}
