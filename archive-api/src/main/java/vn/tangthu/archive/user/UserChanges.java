package vn.tangthu.archive.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;
import vn.tangthu.archive.base.Role;

/**
 * Body of {@code PATCH /users/{username}}, validated: what to change, each member optional, at
 * least one present.
 *
 * @param displayName the new name, or null to keep it
 * @param roles the new roles (at least one), or null to keep them
 * @param disabled true to disable (which revokes every token and session of the user), false to
 *     enable again (revoked tokens stay revoked), null to keep it
 */
public record UserChanges(String displayName, Set<Role> roles, Boolean disabled) {

  public UserChanges {
    if (displayName == null && roles == null && disabled == null) {
      throw NewUser.invalid("name at least one of displayName, roles, disabled");
    }
    if (displayName != null && (displayName.isBlank() || displayName.length() > 200)) {
      throw NewUser.invalid("displayName must not be blank (at most 200 characters)");
    }
    displayName = displayName == null ? null : displayName.strip();
    roles = roles == null ? null : Set.copyOf(roles);
  }

  @JsonCreator
  public static UserChanges of(
      @JsonProperty("displayName") String displayName,
      @JsonProperty("roles") List<String> roles,
      @JsonProperty("disabled") Boolean disabled) {
    return new UserChanges(displayName, roles == null ? null : NewUser.parseRoles(roles), disabled);
  }
}
