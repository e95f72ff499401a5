package vn.tangthu.archive.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The lookup every authenticated request makes, apart from {@link UserDao}: Jdbi builds a handler
 * for every method of a SqlObject each time it is attached, and this one is attached per request.
 */
public interface TokenOwnerDao {

  /**
   * A user with a token of this hash (the caller checks expiry and revocation).
   *
   * @param tokenHash the stored hash, which the caller compares with the presented one
   */
  record TokenOwner(
      byte[] tokenHash,
      long userId,
      String username,
      String agencyCode,
      String[] roles,
      UUID tokenId,
      Instant expiresAt,
      Instant revokedAt) {}

  @RegisterConstructorMapper(TokenOwner.class)
  @SqlQuery(
      "SELECT t.token_hash, u.id AS user_id, u.username, u.agency_code, u.roles, t.id AS token_id,"
          + " t.expires_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
          + " WHERE t.token_hash = :hash AND u.disabled_at IS NULL")
  Optional<TokenOwner> findByTokenHash(@Bind("hash") byte[] hash);
}
