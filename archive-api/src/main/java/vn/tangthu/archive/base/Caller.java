package vn.tangthu.archive.base;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user behind a request.
 *
 * @param agencyCode the user's agency; null only for the built-in {@code admin}
 * @param tokenId the token the request used
 */
public record Caller(long userId, String username, String agencyCode, Set<Role> roles, UUID tokenId)
    implements Principal {

  public Caller {
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }
}
