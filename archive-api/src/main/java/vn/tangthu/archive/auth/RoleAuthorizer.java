package vn.tangthu.archive.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import vn.tangthu.archive.base.Caller;

/**
 * Answers {@code @RolesAllowed} for Dropwizard auth: a caller is in a role when it holds the {@link
 * vn.tangthu.archive.base.Role} of that name. Roles only: whether the caller acts for a record's
 * agency is for {@link vn.tangthu.archive.access.AccessPolicy}.
 */
public final class RoleAuthorizer implements Authorizer<Caller> {

  @Override
  public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
    return caller.roles().stream().anyMatch(r -> r.name().equals(role));
  }
}
