package vn.tangthu.archive.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.auth.Password;
import vn.tangthu.archive.auth.Tokens;
import vn.tangthu.archive.auth.UserDao;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Refusal;

/**
 * Users and their API tokens. Tokens are random, shown once, stored only as a hash, expire (default
 * one year) and can be revoked. Only an administrator creates users; a user may manage their own
 * tokens.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class UserResource {

  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(365);
  private static final String ADMINS_ONLY_EN = "Only an administrator manages users.";
  private static final String ADMINS_ONLY_VI = "Chỉ quản trị viên quản lý người dùng.";

  private final Jdbi jdbi;
  private final AgencyDirectory agencies;
  private final Clock clock;
  private final AuditTrail audit;
  private final Accounts accounts;

  public UserResource(
      Jdbi jdbi, AgencyDirectory agencies, Clock clock, AuditTrail audit, Accounts accounts) {
    this.accounts = accounts;
    this.audit = audit;
    this.jdbi = jdbi;
    this.agencies = agencies;
    this.clock = clock;
  }

  /** A user as returned by the API. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UserView(
      String username,
      String displayName,
      String agencyCode,
      List<String> roles,
      Instant createdAt) {
    static UserView of(UserDao.UserRow u) {
      return new UserView(
          u.username(), u.displayName(), u.agencyCode(), Arrays.asList(u.roles()), u.createdAt());
    }
  }

  /** A token's bookkeeping. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TokenView(
      UUID id, Instant createdAt, Instant expiresAt, Instant revokedAt, String kind) {}

  /** A new token: the only time it is shown. */
  public record NewToken(UUID id, String token, Instant expiresAt) {}

  /** Body of {@code PUT /users/{username}/password}. Never printed. */
  public record PasswordRequest(String password) {
    @Override
    public String toString() {
      return "PasswordRequest[***]";
    }
  }

  /** Body of {@code POST /users/{username}/tokens}. */
  public record TokenRequest(Instant expiresAt) {}

  @POST
  @Path("users")
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Response create(@Auth Caller caller, NewUser body) {
    if (body == null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST", "A JSON body is required.", "Cần nội dung JSON.");
    }
    if (!agencies.tree().exists(body.agencyCode())) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              "agencyCode names no agency: " + body.agencyCode(),
              "agencyCode không phải mã cơ quan: " + body.agencyCode())
          .with("agencyCode", body.agencyCode());
    }
    String encoded = body.password() == null ? null : accounts.hash(body.password());
    UserDao.UserRow created =
        jdbi.inTransaction(
            h -> {
              UserDao dao = h.attach(UserDao.class);
              if (dao.insertIfAbsent(
                      body.username(),
                      body.displayName(),
                      body.agencyCode(),
                      body.roleNames(),
                      clock.instant())
                  == 0) {
                throw ApiException.of(
                        409,
                        "USER_EXISTS",
                        "User " + body.username() + " already exists.",
                        "Người dùng " + body.username() + " đã tồn tại.")
                    .with("username", body.username());
              }
              if (encoded != null) {
                accounts.storePassword(h, dao.findId(body.username()).orElseThrow(), encoded);
              }
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          AuditEvent.USER_CREATE,
                          "USER",
                          body.username(),
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("agencyCode", body.agencyCode())
                      .withDetail("roles", String.join(",", body.roleNames()))
                      .withDetail("password", encoded != null)
                      .concerning(body.agencyCode()));
              return dao.find(body.username()).orElseThrow();
            });
    return Response.created(URI.create("users/" + created.username()))
        .entity(UserView.of(created))
        .build();
  }

  /** Users in username order, of one agency when {@code agencyCode} is given (ADMIN). */
  @GET
  @Path("users")
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Accounts.Page list(
      @Auth Caller caller,
      @QueryParam("agencyCode") String agencyCode,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("50") String size) {
    return accounts.list(
        agencyCode == null || agencyCode.isBlank() ? null : agencyCode, cursor, size(size));
  }

  /** Changes a user's name, roles or state (ADMIN); disabling revokes their tokens and sessions. */
  @PATCH
  @Path("users/{username}")
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Accounts.AccountView update(
      @Auth Caller caller, @PathParam("username") String username, UserChanges body) {
    if (body == null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST", "A JSON body is required.", "Cần nội dung JSON.");
    }
    return accounts.update(caller, username, body);
  }

  private static int size(String size) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
            "INVALID_REQUEST",
            "size must be a number from 1 to 100.",
            "size phải là số từ 1 đến 100.")
        .with("parameter", "size");
  }

  /** The caller's own user: who the token belongs to (the web UI's sign-in check). */
  @GET
  @Path("me")
  public UserView me(@Auth Caller caller) {
    return UserView.of(find(caller.username()));
  }

  @GET
  @Path("users/{username}")
  public UserView get(@Auth Caller caller, @PathParam("username") String username) {
    requireSelfOrAdmin(caller, username);
    return UserView.of(find(username));
  }

  /** Sets a password (ADMIN, or the user themself); the user's other sessions end. */
  @PUT
  @Path("users/{username}/password")
  public Response setPassword(
      @Auth Caller caller, @PathParam("username") String username, PasswordRequest body) {
    accounts.setPassword(
        caller, username, Password.required(body == null ? null : body.password()));
    return Response.noContent().build();
  }

  @POST
  @Path("users/{username}/tokens")
  public Response createToken(
      @Auth Caller caller, @PathParam("username") String username, TokenRequest body) {
    requireSelfOrAdmin(caller, username);
    UserDao.UserRow user = find(username);
    Instant now = clock.instant();
    Instant expiresAt =
        body == null || body.expiresAt() == null
            ? now.plus(DEFAULT_TOKEN_LIFETIME)
            : body.expiresAt();
    if (!expiresAt.isAfter(now)) {
      throw ApiException.badRequest(
          "INVALID_REQUEST", "expiresAt must be in the future.", "expiresAt phải ở tương lai.");
    }
    String token = Tokens.generate();
    UUID id = UUID.randomUUID();
    jdbi.useTransaction(
        h -> {
          h.attach(UserDao.class).insertToken(id, user.id(), Tokens.hash(token), now, expiresAt);
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      AuditEvent.TOKEN_CREATE,
                      "TOKEN",
                      id.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("username", username)
                  .withDetail("expiresAt", expiresAt)
                  .concerning(user.agencyCode()));
        });
    return Response.status(201).entity(new NewToken(id, token, expiresAt)).build();
  }

  @GET
  @Path("users/{username}/tokens")
  public Map<String, List<TokenView>> tokens(
      @Auth Caller caller, @PathParam("username") String username) {
    requireSelfOrAdmin(caller, username);
    UserDao.UserRow user = find(username);
    return Map.of(
        "items",
        jdbi.withExtension(UserDao.class, d -> d.tokensOf(user.id())).stream()
            .map(t -> new TokenView(t.id(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.kind()))
            .toList());
  }

  @DELETE
  @Path("tokens/{id}")
  public Response revoke(@Auth Caller caller, @PathParam("id") String id) {
    UUID tokenId = vn.tangthu.archive.id.Ids.parse(id).orElseThrow(ApiException::notFound);
    UserDao.TokenRow token =
        jdbi.withExtension(UserDao.class, d -> d.findToken(tokenId))
            .orElseThrow(ApiException::notFound);
    if (!caller.isAdmin() && token.userId() != caller.userId()) {
      throw ApiException.notFound();
    }
    jdbi.useTransaction(
        h -> {
          UserDao users = h.attach(UserDao.class);
          users.revoke(tokenId, clock.instant());
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      AuditEvent.TOKEN_REVOKE,
                      "TOKEN",
                      tokenId.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .concerning(users.agencyOf(token.userId())));
        });
    return Response.noContent().build();
  }

  private UserDao.UserRow find(String username) {
    return jdbi.withExtension(UserDao.class, d -> d.find(username))
        .orElseThrow(ApiException::notFound);
  }

  private static void requireSelfOrAdmin(Caller caller, String username) {
    if (!caller.isAdmin() && !caller.username().equals(username)) {
      throw ApiException.forbidden(
          "You may only manage your own tokens.", "Bạn chỉ quản lý được mã truy cập của mình.");
    }
  }
}
