package vn.tangthu.archive.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps the API's own refusals. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(ApiException e) {
    return Problems.response(e, headers);
  }
}
