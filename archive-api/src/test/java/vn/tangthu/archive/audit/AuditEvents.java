package vn.tangthu.archive.audit;

import java.util.Map;
import java.util.Set;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.Role;

/** Events for tests. */
final class AuditEvents {

  private AuditEvents() {}

  static AuditEvent event(int n) {
    return new AuditEvent(
        "user" + (n % 3),
        Set.of(Role.CLERK),
        "BN",
        n % 2 == 0 ? AuditEvent.RECORD_READ : AuditEvent.RECORD_CREATE,
        AuditEvent.RECORD,
        "0190e6a0-0000-7000-8000-" + String.format("%012d", n),
        AuditOutcome.SUCCESS,
        "10.0.0." + (n % 250),
        Map.of("n", Integer.toString(n)));
  }
}
