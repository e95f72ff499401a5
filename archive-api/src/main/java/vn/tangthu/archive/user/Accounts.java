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
}
