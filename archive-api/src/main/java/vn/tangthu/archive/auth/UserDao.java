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

  /** A user as the API shows it. */
  record UserRow(
      long id,
      String username,
      String displayName,
      String agencyCode,
      String[] roles,
      Instant createdAt,
      Instant disabledAt) {}

  /**
   * A token's bookkeeping (never the token itself).
   *
   * @param kind {@code API} (made by {@code POST /users/{username}/tokens}) or {@code SESSION} (a
   *     sign-in)
   */
  record TokenRow(
      UUID id, long userId, Instant createdAt, Instant expiresAt, Instant revokedAt, String kind) {}

  @RegisterConstructorMapper(UserRow.class)
  @SqlQuery(
      "SELECT id, username, display_name, agency_code, roles, created_at, disabled_at FROM users"
          + " WHERE username = :username")
  Optional<UserRow> find(@Bind("username") String username);

  @RegisterConstructorMapper(UserRow.class)
  @SqlQuery(
      "SELECT id, username, display_name, agency_code, roles, created_at, disabled_at FROM users"
          + " WHERE (CAST(:after AS text) IS NULL OR username > :after) ORDER BY username LIMIT :limit")
  java.util.List<UserRow> page(@Bind("after") String after, @Bind("limit") int limit);

  @RegisterConstructorMapper(TokenRow.class)
  @SqlQuery(
      "SELECT id, user_id, created_at, expires_at, revoked_at, kind FROM api_tokens WHERE id = :id")
  Optional<TokenRow> findToken(@Bind("id") UUID id);

  @RegisterConstructorMapper(TokenRow.class)
  @SqlQuery(
      "SELECT id, user_id, created_at, expires_at, revoked_at, kind FROM api_tokens"
          + " WHERE user_id = :userId ORDER BY created_at, id")
  java.util.List<TokenRow> tokensOf(@Bind("userId") long userId);

  /** The agency of user {@code id}; null for a user without one (the built-in admin). */
  @SqlQuery("SELECT agency_code FROM users WHERE id = :id")
  String agencyOf(@Bind("id") long id);

  @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
  int revoke(@Bind("id") UUID id, @Bind("now") Instant now);

  @SqlUpdate(
      "INSERT INTO users (username, display_name, agency_code, roles, created_at)"
          + " VALUES (:username, :displayName, :agencyCode, :roles, :now)"
          + " ON CONFLICT (username) DO NOTHING")
  int insertIfAbsent(
      @Bind("username") String username,
      @Bind("displayName") String displayName,
      @Bind("agencyCode") String agencyCode,
      @Bind("roles") String[] roles,
      @Bind("now") Instant now);
}
