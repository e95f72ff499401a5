package vn.tangthu.archive.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.tangthu.archive.auth.Password;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;

/**
 * Body of {@code POST /users}, validated.
 *
 * @param password the user's first password, or null for a user who signs in with tokens only
 */
public record NewUser(
    String username, String displayName, String agencyCode, Set<Role> roles, Password password) {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  @JsonCreator
  public static NewUser of(
      @JsonProperty("username") String username,
      @JsonProperty("displayName") String displayName,
      @JsonProperty("agencyCode") String agencyCode,
      @JsonProperty("roles") List<String> roles,
      @JsonProperty("password") String password) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw invalid("username must be 2-64 lower-case letters, digits, '.', '_' or '-'");
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw invalid("displayName is required (at most 200 characters)");
    }
    if (agencyCode == null || agencyCode.isBlank()) {
      throw invalid("agencyCode is required");
    }
    EnumSet<Role> set = parseRoles(roles);
    return new NewUser(
        username,
        displayName.strip(),
        agencyCode,
        set,
        password == null ? null : new Password(password));
  }

  public NewUser {
    roles = Set.copyOf(roles);
  }

  String[] roleNames() {
    return names(roles);
  }

  static String[] names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toArray(String[]::new);
  }

  /** Roles named in a request body, or a 400 naming the unknown one. */
  static EnumSet<Role> parseRoles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw invalid("roles must name at least one of " + List.of(Role.values()));
    }
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    for (String r : roles) {
      try {
        set.add(Role.valueOf(r));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw invalid("unknown role " + r + "; roles are " + List.of(Role.values()));
      }
    }
    return set;
  }

  static ApiException invalid(String detail) {
    return ApiException.badRequest("INVALID_REQUEST", detail, detail);
  }
}
