package vn.tangthu.archive.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The trail's head as kept outside PostgreSQL: the newest entry's id and hash when it was written.
 *
 * @param entryId the anchored entry (0 for the empty trail)
 * @param hash its hash ({@link AuditChain#GENESIS} for the empty trail)
 * @param occurredAt the anchored entry's time, or null for the empty trail
 * @param anchoredAt when the anchor was written
 */
public record AnchoredHead(long entryId, String hash, Instant occurredAt, Instant anchoredAt) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** The anchor of a trail that has never been anchored: everything must chain from genesis. */
  public static final AnchoredHead NONE = new AnchoredHead(0, AuditChain.GENESIS, null, null);

  public AnchoredHead {
    if (entryId < 0) {
      throw new IllegalArgumentException("entryId must be >= 0");
    }
    if (hash == null || !HEX64.matcher(hash).matches()) {
      throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
    }
    if (entryId == 0 && !AuditChain.GENESIS.equals(hash)) {
      throw new IllegalArgumentException("the empty trail's hash is GENESIS");
    }
  }

  static AnchoredHead of(AuditEntry e, Instant now) {
    return new AnchoredHead(e.id(), e.hash(), e.occurredAt(), Objects.requireNonNull(now));
  }
}
