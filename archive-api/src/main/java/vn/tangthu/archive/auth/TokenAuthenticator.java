package vn.tangthu.archive.auth;

import io.dropwizard.auth.Authenticator;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;

/**
 * Resolves a bearer token to its user: unknown, malformed, expired and revoked tokens all
 * authenticate nobody (the filter answers 401 without saying which). The token is compared exactly:
 * it is looked up by its SHA-256 (a byte string, which PostgreSQL compares exactly), and the stored
 * hash is compared again in constant time. Thread-safe.
 */
public final class TokenAuthenticator implements Authenticator<String, Caller> {

  private final Jdbi jdbi;
  private final Clock clock;

  public TokenAuthenticator(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Optional<Caller> authenticate(String token) {
    if (!Tokens.wellFormed(token)) {
      return Optional.empty();
    }
    byte[] hash = Tokens.hash(token);
    return jdbi.withExtension(TokenOwnerDao.class, dao -> dao.findByTokenHash(hash))
        .filter(t -> MessageDigest.isEqual(t.tokenHash(), hash))
        .filter(t -> t.revokedAt() == null)
        .filter(t -> t.expiresAt() == null || clock.instant().isBefore(t.expiresAt()))
        .map(
            t ->
                new Caller(
                    t.userId(), t.username(), t.agencyCode(), roles(t.roles()), t.tokenId()));
  }

  private static Set<Role> roles(String[] names) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String n : names) {
      roles.add(Role.valueOf(n));
    }
    return roles;
  }
}
