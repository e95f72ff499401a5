package vn.tangthu.archive.error;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;

/**
 * Maps the 403 that {@code @RolesAllowed} raises (Jersey's {@link ForbiddenException}) to the same
 * problem the resources answered when they checked roles by hand: code {@code FORBIDDEN}, with the
 * method's {@link Refusal} as detail.
 */
public final class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

  @Context private HttpHeaders headers;
  @Context private ResourceInfo resource;

  @Override
  public Response toResponse(ForbiddenException e) {
    Method method = resource == null ? null : resource.getResourceMethod();
    Refusal refusal = method == null ? null : method.getAnnotation(Refusal.class);
    ApiException problem =
        refusal == null
            ? ApiException.of(403, "FORBIDDEN", e.getMessage())
            : ApiException.forbidden(refusal.en(), refusal.vi());
    return Problems.response(problem, headers);
  }
}
