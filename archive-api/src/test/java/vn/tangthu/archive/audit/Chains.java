package vn.tangthu.archive.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import vn.tangthu.archive.base.AuditEvent;

/** In-memory chains for unit tests, built exactly as the log builds them. */
final class Chains {

  private Chains() {}

  static AuditEntry entry(long id, String actor, String prevHash) {
    return sealed(
        new AuditEntry(
            id,
            Instant.parse("2025-07-01T08:00:00.123456Z").plusSeconds(id),
            actor,
            "CLERK",
            "BN",
            AuditEvent.RECORD_READ,
            AuditEvent.RECORD,
            "rec-" + id,
            "SUCCESS",
            "10.0.0.1",
            "{\"n\":\"" + id + "\"}",
            prevHash,
            null));
  }

  /** The same entry with its hash computed from its fields. */
  static AuditEntry sealed(AuditEntry e) {
    return with(e, x -> x, AuditChain.hash(e));
  }

  static AuditEntry with(AuditEntry e, UnaryOperator<AuditEntry> change, String hash) {
    AuditEntry c = change.apply(e);
    return new AuditEntry(
        c.id(),
        c.occurredAt(),
        c.actor(),
        c.rolesText(),
        c.agencyCode(),
        c.action(),
        c.targetType(),
        c.targetId(),
        c.outcome(),
        c.clientAddress(),
        c.detailsJson(),
        c.prevHash(),
        hash);
  }

  static AuditEntry withActor(AuditEntry e, String actor) {
    return new AuditEntry(
        e.id(),
        e.occurredAt(),
        actor,
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        e.prevHash(),
        e.hash());
  }

  static AuditEntry withId(AuditEntry e, long id) {
    return new AuditEntry(
        id,
        e.occurredAt(),
        e.actor(),
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        e.prevHash(),
        e.hash());
  }

  static List<AuditEntry> chain(int n) {
    List<AuditEntry> out = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry e = entry(i, "user" + i, prev);
      out.add(e);
      prev = e.hash();
    }
    return out;
  }
}
