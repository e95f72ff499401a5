package vn.tangthu.archive.user;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.auth.Password;
import vn.tangthu.archive.auth.PasswordHasher;
import vn.tangthu.archive.auth.UserDao;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;

/**
 * What an administrator (or, for their own password, a user) changes about an account: its
 * password, and (see {@link UserResource}) its name, roles and whether it is disabled. Every change
 * is audited in the transaction that makes it. Thread-safe.
 */
public final class Accounts {

  static final String PASSWORD_SET = "PASSWORD_SET";
  static final String USER_UPDATE = "USER_UPDATE";
  private static final java.util.regex.Pattern USERNAME =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  /** A user as an administrator sees them. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record AccountView(
      String username,
      String displayName,
      String agencyCode,
      java.util.List<String> roles,
      Instant createdAt,
      boolean disabled,
      Instant disabledAt,
      boolean passwordSet) {
    static AccountView of(AccountDao.Account a) {
      return new AccountView(
          a.username(),
          a.displayName(),
          a.agencyCode(),
          java.util.Arrays.asList(a.roles()),
          a.createdAt(),
          a.disabledAt() != null,
          a.disabledAt(),
          a.passwordSetAt() != null);
    }
  }

  /** One page of users. */
  public record Page(java.util.List<AccountView> items, String nextCursor) {}

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;

  public Accounts(Jdbi jdbi, PasswordHasher hasher, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
  }

  /** The encoded hash of a new password (computed outside any transaction: it is slow). */
  String hash(Password password) {
    return hasher.hash(password);
  }

  /** Stores {@code encoded} as the password of user {@code id}, within the caller's transaction. */
  void storePassword(Handle h, long id, String encoded) {
    h.attach(AccountDao.class).setPassword(id, encoded, clock.instant());
  }

  /**
   * Sets {@code username}'s password (ADMIN, or the user themself) and ends their other sessions
   * (the caller's own session stays open); the user's API tokens are untouched.
   */
  void setPassword(Caller caller, String username, Password password) {
    if (!caller.isAdmin() && !caller.username().equals(username)) {
      throw ApiException.forbidden(
          "You may only set your own password.", "Bạn chỉ đặt được mật khẩu của mình.");
    }
    UserDao.UserRow user =
        jdbi.withExtension(UserDao.class, d -> d.find(username))
            .orElseThrow(ApiException::notFound);
    String encoded = hasher.hash(password);
    jdbi.useTransaction(
        h -> {
          Instant now = clock.instant();
          AccountDao dao = h.attach(AccountDao.class);
          dao.setPassword(user.id(), encoded, now);
          int ended = dao.revokeSessions(user.id(), caller.tokenId(), now);
          audit.append(
              h,
              AuditEvent.of(caller, PASSWORD_SET, "USER", username, AuditOutcome.SUCCESS, null)
                  .withDetail("sessionsEnded", ended)
                  .concerning(user.agencyCode()));
        });
  }

  /**
   * Users in username order, of one agency when {@code agencyCode} is not null (for an ADMIN: the
   * resource admits no one else).
   */
  Page list(String agencyCode, String cursor, int size) {
    String after =
        vn.tangthu.archive.input.Cursors.key(cursor, c -> USERNAME.matcher(c).matches())
            .orElse(null);
    java.util.List<AccountDao.Account> rows =
        jdbi.withExtension(AccountDao.class, d -> d.page(agencyCode, after, size + 1));
    java.util.List<AccountView> items = rows.stream().limit(size).map(AccountView::of).toList();
    return new Page(items, rows.size() > size ? items.get(size - 1).username() : null);
  }

  /**
   * Changes {@code username}'s name, roles or state (for {@code caller}, an ADMIN: the resource
   * admits no one else). Disabling revokes every token and session of the user in the same
   * transaction. An administrator cannot disable themself nor take away their own ADMIN role (the
   * archive must keep one).
   */
  AccountView update(Caller caller, String username, UserChanges changes) {
    if (caller.username().equals(username)
        && (Boolean.TRUE.equals(changes.disabled())
            || (changes.roles() != null
                && !changes.roles().contains(vn.tangthu.archive.base.Role.ADMIN)))) {
      throw NewUser.invalid(
          "an administrator cannot disable themself or drop their own ADMIN role");
    }
    return jdbi.inTransaction(
        h -> {
          UserDao users = h.attach(UserDao.class);
          AccountDao dao = h.attach(AccountDao.class);
          UserDao.UserRow user = users.find(username).orElseThrow(ApiException::notFound);
          Instant now = clock.instant();
          Instant disabledAt =
              changes.disabled() == null
                  ? user.disabledAt()
                  : changes.disabled()
                      ? (user.disabledAt() == null ? now : user.disabledAt())
                      : null;
          dao.update(
              user.id(),
              changes.displayName() == null ? user.displayName() : changes.displayName(),
              changes.roles() == null ? user.roles() : NewUser.names(changes.roles()),
              disabledAt);
          int revoked = Boolean.TRUE.equals(changes.disabled()) ? dao.revokeAll(user.id(), now) : 0;
          AuditEvent event =
              AuditEvent.of(caller, USER_UPDATE, "USER", username, AuditOutcome.SUCCESS, null)
                  .withDetail("displayName", changes.displayName())
                  .withDetail(
                      "roles",
                      changes.roles() == null
                          ? null
                          : String.join(",", NewUser.names(changes.roles())))
                  .withDetail("disabled", changes.disabled())
                  .withDetail("tokensRevoked", changes.disabled() == null ? null : revoked)
                  .concerning(user.agencyCode());
          audit.append(h, event);
          return AccountView.of(dao.account(username).orElseThrow());
        });
  }
}
