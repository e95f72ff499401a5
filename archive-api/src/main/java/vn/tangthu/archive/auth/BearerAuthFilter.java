package vn.tangthu.archive.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Problems;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A missing, malformed, unknown, expired or
 * revoked token gets the same 401 without detail; every failure is reported to {@code onFailure}
 * (the audit trail) and counted per client address, and an address that fails too often gets 429
 * until its window passes.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter extends AuthFilter<String, Caller> {

  private final FailedAuthLimiter limiter;
  private final Consumer<String> onFailure;
  @Context private HttpServletRequest servletRequest;

  private BearerAuthFilter(FailedAuthLimiter limiter, Consumer<String> onFailure) {
    this.limiter = limiter;
    this.onFailure = onFailure;
  }

  @Override
  public void filter(ContainerRequestContext ctx) {
    String address = servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    if (limiter.blocked(address)) {
      throw new WebApplicationException(
          Response.fromResponse(
                  Problems.response(
                      ApiException.of(
                          429,
                          "TOO_MANY_REQUESTS",
                          "Too many failed sign-ins from this address; try again later.",
                          "Đăng nhập sai quá nhiều lần từ địa chỉ này; hãy thử lại sau."),
                      true))
              .header("Retry-After", limiter.retryAfterSeconds(address))
              .build());
    }
    String token = bearer(ctx.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    if (!authenticate(ctx, token, "Bearer")) {
      limiter.failed(address);
      onFailure.accept(address);
      throw new WebApplicationException(unauthorizedHandler.buildResponse(prefix, realm));
    }
  }

  private String bearer(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !prefix.equalsIgnoreCase(header.substring(0, space))) {
      return null;
    }
    return header.substring(space + 1).strip();
  }

  /** Builds the filter. */
  public static final class Builder extends AuthFilterBuilder<String, Caller, BearerAuthFilter> {
    private final FailedAuthLimiter limiter;
    private final Consumer<String> onFailure;

    public Builder(FailedAuthLimiter limiter, Consumer<String> onFailure) {
      this.limiter = limiter;
      this.onFailure = onFailure;
    }

    @Override
    protected BearerAuthFilter newInstance() {
      return new BearerAuthFilter(limiter, onFailure);
    }
  }
}
