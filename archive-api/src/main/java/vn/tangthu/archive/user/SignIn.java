package vn.tangthu.archive.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.auth.FailedAuthLimiter;
import vn.tangthu.archive.auth.Password;
import vn.tangthu.archive.auth.PasswordHasher;
import vn.tangthu.archive.auth.Tokens;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;

/**
 * Signing in with a username and a password, on the {@link FailedAuthLimiter}'s terms: a name that
 * must wait is refused before anything is checked; otherwise the password is checked (always one
 * Argon2id hash: against a dummy when the name is unknown, has no password or is malformed), and a
 * disabled user is refused like a wrong password. A password whose hash was made with older
 * parameters is hashed again with the current ones when it signs in. A failure counts against the
 * name and the address; a success clears the name's failures only. An address that must wait never
 * stops another name's valid password. A success opens a session: a token of kind {@code SESSION},
 * valid {@link #SESSION_LIFETIME}. Thread-safe.
 */
public final class SignIn {

  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  static final String SESSION_CREATE = "SESSION_CREATE";
  static final String SESSION_END = "SESSION_END";

  /** How a sign-in ended. */
  public sealed interface Outcome {}

  /** A new session; {@code token} is shown once. */
  public record Opened(String token, UUID id, Instant expiresAt, String username)
      implements Outcome {}

  /**
   * Refused: {@code retryAfter} is zero for a plain 401, else how long the name or address must
   * wait.
   */
  public record Refused(Duration retryAfter) implements Outcome {
    public Refused {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final FailedAuthLimiter limiter;
  private final AuditTrail audit;
  private final Clock clock;

  public SignIn(
      Jdbi jdbi, PasswordHasher hasher, FailedAuthLimiter limiter, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.limiter = limiter;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Tries {@code password} for {@code username}.
   *
   * @param addressKey the client address as the limiter keys it
   * @param address the client address for the audit trail (may be null)
   */
  public Outcome attempt(String username, String password, String addressKey, String address) {
    FailedAuthLimiter.Key name = FailedAuthLimiter.Key.name(username);
    Duration nameWait = limiter.waitFor(name);
    if (!nameWait.isZero()) {
      return new Refused(nameWait);
    }
    Optional<AccountDao.Credentials> found =
        jdbi.withExtension(AccountDao.class, d -> d.credentials(username));
    boolean matches = hasher.verify(password, found.map(c -> c.passwordHash()).orElse(null));
    if (matches && found.get().disabledAt() == null) {
      limiter.succeeded(name);
      if (hasher.needsRehash(found.get().passwordHash())) {
        upgrade(found.get().id(), password);
      }
      return open(found.get(), address);
    }
    Duration wait = limiter.failed(name, FailedAuthLimiter.Key.address(addressKey));
    audit.appendRead(
        AuditEvent.anonymous(AuditEvent.AUTH_FAILED, AuditOutcome.DENIED, address)
            .withDetail("username", username));
    return new Refused(wait);
  }

  /** Stores the password again with the current parameters (its hash was made with older ones). */
  private void upgrade(long userId, String password) {
    Password valid;
    try {
      valid = new Password(password);
    } catch (vn.tangthu.archive.error.ApiException e) {
      return; // set under older rules: it keeps its hash until the user sets a new one
    }
    String encoded = hasher.hash(valid);
    jdbi.useExtension(AccountDao.class, d -> d.rehash(userId, encoded));
  }

  private Opened open(AccountDao.Credentials user, String address) {
    String token = Tokens.generate();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(SESSION_LIFETIME);
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : user.roles()) {
      roles.add(Role.valueOf(r));
    }
    Caller caller = new Caller(user.id(), user.username(), user.agencyCode(), roles, id);
    jdbi.useTransaction(
        h -> {
          h.attach(AccountDao.class)
              .insertSession(id, user.id(), Tokens.hash(token), now, expiresAt);
          audit.append(
              h,
              AuditEvent.of(
                      caller, SESSION_CREATE, "TOKEN", id.toString(), AuditOutcome.SUCCESS, address)
                  .withDetail("expiresAt", expiresAt));
        });
    return new Opened(token, id, expiresAt, user.username());
  }
}
