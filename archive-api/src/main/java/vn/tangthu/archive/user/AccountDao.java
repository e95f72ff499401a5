package vn.tangthu.archive.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Passwords, sessions and the administration of users (the parts {@code UserDao} lacks). */
public interface AccountDao {

  /** What a sign-in checks: the user and their encoded password hash (null when none is set). */
  record Credentials(
      long id,
      String username,
      String agencyCode,
      String[] roles,
      Instant disabledAt,
      String passwordHash) {}

  @RegisterConstructorMapper(Credentials.class)
  @SqlQuery(
      "SELECT id, username, agency_code, roles, disabled_at, password_hash FROM users"
          + " WHERE username = :username")
  Optional<Credentials> credentials(@Bind("username") String username);

  @SqlUpdate("UPDATE users SET password_hash = :hash, password_set_at = :now WHERE id = :id")
  int setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") Instant now);

  /** Replaces the hash of the same password (made with older parameters); the set time stays. */
  @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
  int rehash(@Bind("id") long id, @Bind("hash") String hash);

  @SqlUpdate(
      "INSERT INTO api_tokens (id, user_id, token_hash, created_at, expires_at, kind)"
          + " VALUES (:id, :userId, :hash, :now, :expiresAt, 'SESSION')")
  void insertSession(
      @Bind("id") UUID id,
      @Bind("userId") long userId,
      @Bind("hash") byte[] hash,
      @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  @SqlQuery("SELECT kind FROM api_tokens WHERE id = :id")
  Optional<String> tokenKind(@Bind("id") UUID id);

  /** Revokes the user's sessions but {@code keep} (may be null); returns how many. */
  @SqlUpdate(
      "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId AND kind = 'SESSION'"
          + " AND revoked_at IS NULL AND (CAST(:keep AS uuid) IS NULL OR id <> :keep)")
  int revokeSessions(
      @Bind("userId") long userId, @Bind("keep") UUID keep, @Bind("now") Instant now);

  /** Revokes every token and session of the user; returns how many. */
  @SqlUpdate(
      "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeAll(@Bind("userId") long userId, @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE users SET display_name = :displayName, roles = :roles, disabled_at = :disabledAt"
          + " WHERE id = :id")
  int update(
      @Bind("id") long id,
      @Bind("displayName") String displayName,
      @Bind("roles") String[] roles,
      @Bind("disabledAt") Instant disabledAt);

  /** A user as the administrator's list shows them. */
  record Account(
      String username,
      String displayName,
      String agencyCode,
      String[] roles,
      Instant createdAt,
      Instant disabledAt,
      Instant passwordSetAt) {}

  @RegisterConstructorMapper(Account.class)
  @SqlQuery(
      "SELECT username, display_name, agency_code, roles, created_at, disabled_at, password_set_at"
          + " FROM users WHERE (CAST(:after AS text) IS NULL OR username > :after)"
          + " AND (CAST(:agencyCode AS text) IS NULL OR agency_code = :agencyCode)"
          + " ORDER BY username LIMIT :limit")
  List<Account> page(
      @Bind("agencyCode") String agencyCode, @Bind("after") String after, @Bind("limit") int limit);

  @RegisterConstructorMapper(Account.class)
  @SqlQuery(
      "SELECT username, display_name, agency_code, roles, created_at, disabled_at, password_set_at"
          + " FROM users WHERE username = :username")
  Optional<Account> account(@Bind("username") String username);
}
