package vn.tangthu.archive.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.Response;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Problems;

/** 401 as a problem document that says nothing about why the credentials failed. */
public final class ProblemUnauthorizedHandler implements UnauthorizedHandler {

  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.fromResponse(
            Problems.response(
                ApiException.of(
                    401,
                    "UNAUTHENTICATED",
                    "A valid bearer token is required.",
                    "Cần mã truy cập (bearer token) hợp lệ."),
                true))
        .header("WWW-Authenticate", prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
