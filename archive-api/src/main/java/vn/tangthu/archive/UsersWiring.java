package vn.tangthu.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.tangthu.archive.agency.AgencyResource;
import vn.tangthu.archive.audit.AuditResource;
import vn.tangthu.archive.auth.AdminBootstrap;
import vn.tangthu.archive.auth.FailedAuthLimiter;
import vn.tangthu.archive.user.AccountResources;

/**
 * Users and authentication: the built-in administrator (its token made on first start), the
 * failed-sign-in limiter, and the resources for accounts (users, sign-in, sessions), agencies and
 * the audit trail.
 *
 * @param admin the bootstrap administrator's token and whether it was just generated
 * @param limiter counts failed authentications by address and by name
 * @param resources agencies, users and the audit trail
 */
record UsersWiring(AdminBootstrap.Result admin, FailedAuthLimiter limiter, List<Object> resources) {

  /** Failed authentications from one address: 10 free, then 1 s doubling up to a minute. */
  private static final FailedAuthLimiter.Policy ADDRESS_FAILURES =
      new FailedAuthLimiter.Policy(
          10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15));

  /** Failed sign-ins of one name: 5 free, then 1 s doubling up to 5 minutes. */
  private static final FailedAuthLimiter.Policy NAME_FAILURES =
      new FailedAuthLimiter.Policy(
          5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  static UsersWiring create(CoreWiring core, String adminToken) throws Exception {
    var jdbi = core.jdbi();
    var clock = core.clock();
    AdminBootstrap.Result admin =
        new AdminBootstrap(jdbi, clock).ensure(adminToken, core.dataDir());
    FailedAuthLimiter limiter = new FailedAuthLimiter(clock, ADDRESS_FAILURES, NAME_FAILURES);
    List<Object> resources =
        new ArrayList<>(
            AccountResources.create(jdbi, core.agencies(), clock, core.audit(), limiter));
    resources.add(new AgencyResource(jdbi, core.agencies(), clock, core.audit()));
    resources.add(new AuditResource(core.audit(), core.agencies()));
    return new UsersWiring(admin, limiter, resources);
  }
}
