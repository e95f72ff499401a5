package vn.tangthu.archive.user;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.auth.FailedAuthLimiter;
import vn.tangthu.archive.auth.PasswordHasher;
import vn.tangthu.archive.base.AuditTrail;

/**
 * Builds the users, passwords and sessions endpoints ({@link UserResource}, {@link
 * SessionResource}).
 */
public final class AccountResources {

  private AccountResources() {}

  /**
   * The resources, hashing with {@link PasswordHasher#DEFAULT} at most as many passwords at once as
   * there are processors.
   */
  public static List<Object> create(
      Jdbi jdbi,
      AgencyDirectory agencies,
      Clock clock,
      AuditTrail audit,
      FailedAuthLimiter limiter) {
    PasswordHasher hasher =
        new PasswordHasher(PasswordHasher.DEFAULT, Runtime.getRuntime().availableProcessors());
    Accounts accounts = new Accounts(jdbi, hasher, audit, clock);
    return List.of(
        new UserResource(jdbi, agencies, clock, audit, accounts),
        new SessionResource(new SignIn(jdbi, hasher, limiter, audit, clock), jdbi, audit, clock));
  }
}
