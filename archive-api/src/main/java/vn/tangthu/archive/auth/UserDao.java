package vn.tangthu.archive.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users and their API tokens. */
public interface UserDao {

  /** A user with a live token of this hash. */
  record TokenOwner(
      long userId,
      String username,
      String agencyCode,
      String[] roles,
      UUID tokenId,
      Instant expiresAt,
      Instant revokedAt) {}

  @RegisterConstructorMapper(TokenOwner.class)
  @SqlQuery(
      "SELECT u.id AS user_id, u.username, u.agency_code, u.roles, t.id AS token_id,"
          + " t.expires_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
          + " WHERE t.token_hash = :hash")
  Optional<TokenOwner> findByTokenHash(@Bind("hash") byte[] hash);

  @SqlQuery("SELECT id FROM users WHERE username = :username")
  Optional<Long> findId(@Bind("username") String username);

  @SqlUpdate(
      "INSERT INTO users (username, display_name, agency_code, roles, created_at)"
          + " VALUES (:username, :displayName, :agencyCode, :roles, :now)")
  @GetGeneratedKeys("id")
  long insert(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("agencyCode") String agencyCode,
      @Bind("roles") String[] roles,
      @Bind("now") Instant now);

  @SqlUpdate(
      "INSERT INTO api_tokens (id, user_id, token_hash, created_at, expires_at)"
          + " VALUES (:id, :userId, :hash, :now, :expiresAt)")
  void insertToken(
      @Bind("id") UUID id,
      @Bind("userId") long userId,
      @Bind("hash") byte[] hash,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("SELECT count(*) FROM api_tokens WHERE token_hash = :hash")
  int countTokens(@Bind("hash") byte[] hash);
}
