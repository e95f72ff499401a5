package vn.tangthu.archive.evidence;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one evidence run: the hash-tree root timestamped at {@code time}, and the
 * DER-encoded RFC 4998 EvidenceRecord of every record (and of the audit chain head when one was
 * given).
 *
 * @param time the timestamp's genTime
 * @param rootHashHex the SHA-256 root of the hash tree, hex
 * @param evidence record id to EvidenceRecord DER
 * @param auditHeadEvidence EvidenceRecord DER for the audit chain head, or null
 */
public record EvidenceBatch(
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant time,
    String rootHashHex,
    Map<String, byte[]> evidence,
    byte[] auditHeadEvidence) {
  public EvidenceBatch {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(rootHashHex, "rootHashHex");
    evidence = Map.copyOf(evidence);
  }
}
