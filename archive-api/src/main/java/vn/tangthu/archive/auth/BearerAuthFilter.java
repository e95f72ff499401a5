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
import java.time.Duration;
import java.util.function.Consumer;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Messages;
import vn.tangthu.archive.error.Problems;
import vn.tangthu.archive.net.IpAddresses;

/**
 * Authenticates {@code Authorization: Bearer <token>} (the scheme in any case, the token exactly).
 * A valid token is always accepted, whatever failed before from the same address. A missing,
 * malformed, unknown, expired or revoked token gets the same 401 without detail; every failure is
 * reported to {@code onFailure} (the audit trail) with the client address and counted against that
 * address by the {@link FailedAuthLimiter}, and a failure from an address that must wait is
 * answered 429 with {@code Retry-After} instead. The client address is the request's remote
 * address, which the server has already resolved through {@code server.trustedProxies}.
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
    String token = bearer(ctx.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    if (authenticate(ctx, token, "Bearer")) {
      return;
    }
    String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
    String key =
        address == null
            ? "unknown"
            : IpAddresses.parse(address).map(IpAddresses::limitKey).orElse(address);
    Duration wait = limiter.failed(FailedAuthLimiter.Key.address(key));
    onFailure.accept(address);
    if (!wait.isZero()) {
      throw new WebApplicationException(tooMany(ctx, wait));
    }
    throw new WebApplicationException(unauthorizedHandler.buildResponse(prefix, realm));
  }

  private static Response tooMany(ContainerRequestContext ctx, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(
            Problems.response(
                ApiException.of(
                        429,
                        "TOO_MANY_REQUESTS",
                        "Too many failed sign-ins from this address; try again in "
                            + seconds
                            + " s.",
                        "Đăng nhập sai quá nhiều lần từ địa chỉ này; hãy thử lại sau "
                            + seconds
                            + " giây.")
                    .with("retryAfterSeconds", seconds),
                Messages.prefersVietnamese(ctx.getAcceptableLanguages())))
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
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
