package vn.tangthu.archive.user;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.auth.UserDao;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Problems;
import vn.tangthu.archive.net.IpAddresses;

/**
 * {@code POST /sessions} (sign in with a username and a password, no token needed) and {@code
 * DELETE /sessions/current} (sign out). A wrong username, a wrong password and a disabled user all
 * answer the same 401; while the name or the address must wait, 429 with {@code Retry-After} (see
 * {@link SignIn}).
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SessionResource {

  private static final int MAX_NAME = 256;

  private final SignIn signIn;
  private final Jdbi jdbi;
  private final AuditTrail audit;
  private final Clock clock;

  public SessionResource(SignIn signIn, Jdbi jdbi, AuditTrail audit, Clock clock) {
    this.signIn = signIn;
    this.jdbi = jdbi;
    this.audit = audit;
    this.clock = clock;
  }

  /** Body of {@code POST /sessions}. Never printed with its password. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[" + username + "]";
    }
  }

  /**
   * A new session: the token (shown once), its id (for {@code DELETE /tokens/{id}}), its expiry and
   * its user.
   */
  public record Session(String token, UUID id, Instant expiresAt, UserResource.UserView user) {}

  @POST
  public Response signIn(
      Credentials body, @Context HttpServletRequest request, @Context HttpHeaders headers) {
    if (body == null || body.username() == null || body.password() == null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "username and password are required.",
          "Cần tên đăng nhập (username) và mật khẩu (password).");
    }
    if (body.username().length() > MAX_NAME || body.password().length() > 4 * MAX_NAME) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "username or password is too long.",
          "Tên đăng nhập hoặc mật khẩu quá dài.");
    }
    String address = request.getRemoteAddr();
    String key =
        address == null
            ? "unknown"
            : IpAddresses.parse(address).map(IpAddresses::limitKey).orElse(address);
    SignIn.Outcome outcome = signIn.attempt(body.username(), body.password(), key, address);
    if (outcome instanceof SignIn.Opened opened) {
      UserDao.UserRow user =
          jdbi.withExtension(UserDao.class, d -> d.find(opened.username())).orElseThrow();
      return Response.status(201)
          .entity(
              new Session(
                  opened.token(), opened.id(), opened.expiresAt(), UserResource.UserView.of(user)))
          .build();
    }
    Duration wait = ((SignIn.Refused) outcome).retryAfter();
    if (wait.isZero()) {
      throw ApiException.of(
          401,
          "UNAUTHENTICATED",
          "Wrong username or password.",
          "Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    throw new WebApplicationException(
        Response.fromResponse(
                Problems.response(
                    ApiException.of(
                            429,
                            "TOO_MANY_REQUESTS",
                            "Too many failed sign-ins; try again in " + seconds + " s.",
                            "Đăng nhập sai quá nhiều lần; hãy thử lại sau " + seconds + " giây.")
                        .with("retryAfterSeconds", seconds),
                    headers))
            .header(HttpHeaders.RETRY_AFTER, seconds)
            .build());
  }

  /** Signs out: revokes the session the request used (404 when it used an API token). */
  @DELETE
  @Path("current")
  public Response signOut(@Auth Caller caller, @Context HttpServletRequest request) {
    boolean session =
        jdbi.withExtension(AccountDao.class, d -> d.tokenKind(caller.tokenId()))
            .filter("SESSION"::equals)
            .isPresent();
    if (!session) {
      throw ApiException.notFound();
    }
    jdbi.useTransaction(
        h -> {
          h.attach(UserDao.class).revoke(caller.tokenId(), clock.instant());
          audit.append(
              h,
              AuditEvent.of(
                  caller,
                  SignIn.SESSION_END,
                  "TOKEN",
                  caller.tokenId().toString(),
                  AuditOutcome.SUCCESS,
                  request.getRemoteAddr()));
        });
    return Response.noContent().build();
  }
}
