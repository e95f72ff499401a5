package vn.tangthu.archive.lease;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code job_leases} table. */
public interface LeaseDao {

  /**
   * Takes the lease named {@code name} for {@code owner} until {@code until} when it is free or
   * lapsed at {@code now}, raising its fencing token; empty when another holder has it.
   */
  @SqlQuery(
      "INSERT INTO job_leases AS l (name, owner, token, expires_at)"
          + " VALUES (:name, :owner, 1, :until)"
          + " ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, token = l.token + 1,"
          + " expires_at = EXCLUDED.expires_at"
          + " WHERE l.owner IS NULL OR l.expires_at < :now"
          + " RETURNING token")
  Optional<Long> take(
      @Bind("name") String name,
      @Bind("owner") String owner,
      @Bind("now") Instant now,
      @Bind("until") Instant until);

  /** Extends a lease still carrying {@code token}; 0 when it was taken over. */
  @SqlUpdate(
      "UPDATE job_leases SET expires_at = :until"
          + " WHERE name = :name AND token = :token AND owner = :owner")
  int renew(
      @Bind("name") String name,
      @Bind("owner") String owner,
      @Bind("token") long token,
      @Bind("until") Instant until);

  /** Gives a lease up, so any node may take it at once. */
  @SqlUpdate(
      "UPDATE job_leases SET owner = NULL, expires_at = NULL WHERE name = :name AND token = :token")
  int release(@Bind("name") String name, @Bind("token") long token);

  /** The current token, locked against a takeover until the transaction ends. */
  @SqlQuery("SELECT token FROM job_leases WHERE name = :name FOR SHARE")
  Optional<Long> lockToken(@Bind("name") String name);

  /** Records the run date a daily job completed (under the token it ran with). */
  @SqlUpdate("UPDATE job_leases SET last_completed = :day WHERE name = :name AND token = :token")
  int complete(@Bind("name") String name, @Bind("token") long token, @Bind("day") LocalDate day);

  /** The date of the last completed run of a daily job. */
  @SqlQuery("SELECT last_completed FROM job_leases WHERE name = :name")
  Optional<LocalDate> lastCompleted(@Bind("name") String name);
}
