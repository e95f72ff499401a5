package vn.tangthu.archive.agency;

import java.util.Objects;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.Caller;

/** The audit entry of an agency's update: each changed field, before and after. */
final class AgencyChanges {

  private AgencyChanges() {}

  static AuditEvent event(Caller caller, Agency before, Agency after) {
    AuditEvent e =
        AuditEvent.of(
                caller,
                AuditEvent.AGENCY_UPDATE,
                "AGENCY",
                after.code(),
                AuditOutcome.SUCCESS,
                null)
            .concerning(after.code());
    e = change(e, "name", before.name(), after.name());
    e = change(e, "parentCode", before.parentCode(), after.parentCode());
    e = change(e, "validTo", before.validTo(), after.validTo());
    e = change(e, "successorCode", before.successorCode(), after.successorCode());
    return change(e, "edxmlOrganId", before.edxmlOrganId(), after.edxmlOrganId());
  }

  private static AuditEvent change(AuditEvent e, String field, Object before, Object after) {
    if (Objects.equals(before, after)) {
      return e;
    }
    return e.withDetail(field + ".before", before == null ? "" : before)
        .withDetail(field + ".after", after == null ? "" : after);
  }
}
