package vn.tangthu.retention.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.tangthu.json.CanonicalJson;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.sweep.SkipReason;

/**
 * What a destruction certificate states: which records a sweep disposed of (with the SHA-256 of
 * their original), which approved items it skipped and why, who planned and approved it and when.
 * {@link #canonicalBytes()} are the exact bytes the archive signs: canonical JSON (RFC 8785 style:
 * members sorted by key, no whitespace, UTF-8), items and skipped entries sorted by record id.
 * Immutable and thread-safe.
 *
 * @param certificateId the certificate's id
 * @param sweepId the sweep it certifies
 * @param agencyCode the sweep's agency
 * @param asOf the sweep's date (Vietnam)
 * @param plannedBy who planned the sweep
 * @param plannedAt when
 * @param approvedBy who approved it (never the planner)
 * @param approvedAt when
 * @param executedAt when execution finished
 * @param items the records disposed of
 * @param skipped the approved items not disposed of, with reasons
 */
public record DestructionCertificate(
    String certificateId,
    String sweepId,
    String agencyCode,
    LocalDate asOf,
    String plannedBy,
    Instant plannedAt,
    String approvedBy,
    Instant approvedAt,
    Instant executedAt,
    List<Item> items,
    List<Skipped> skipped) {

  /** The value of the {@code format} member, naming this layout. */
  public static final String FORMAT = "tangthu-destruction-certificate/1";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * @throws IllegalArgumentException for a missing field, planner = approver, times out of order,
   *     or a record listed twice
   */
  public DestructionCertificate {
    requireText(certificateId, "certificateId");
    requireText(sweepId, "sweepId");
    requireText(agencyCode, "agencyCode");
    Objects.requireNonNull(asOf, "asOf");
    requireText(plannedBy, "plannedBy");
    requireText(approvedBy, "approvedBy");
    Objects.requireNonNull(plannedAt, "plannedAt");
    Objects.requireNonNull(approvedAt, "approvedAt");
    Objects.requireNonNull(executedAt, "executedAt");
    if (plannedBy.equals(approvedBy)) {
      throw new IllegalArgumentException("planner and approver must be different persons");
    }
    if (approvedAt.isBefore(plannedAt) || executedAt.isBefore(approvedAt)) {
      throw new IllegalArgumentException("times must be plannedAt <= approvedAt <= executedAt");
    }
    items = sorted(items, Comparator.comparing(Item::recordId));
    skipped = sorted(skipped, Comparator.comparing(Skipped::recordId));
    Set<String> seen = new HashSet<>();
    items.forEach(i -> requireOnce(seen, i.recordId()));
    skipped.forEach(s -> requireOnce(seen, s.recordId()));
  }

  /**
   * A record disposed of.
   *
   * @param recordId the record
   * @param fileCode its dossier, if any
   * @param sha256 SHA-256 of its original, 64 lowercase hex digits
   * @param action DESTROY or TRANSFER (REVIEW items are never disposed of)
   */
  public record Item(
      String recordId, Optional<String> fileCode, String sha256, DispositionAction action) {
    public Item {
      requireText(recordId, "recordId");
      Objects.requireNonNull(fileCode, "fileCode");
      if (sha256 == null || !SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
      }
      Objects.requireNonNull(action, "action");
      if (action == DispositionAction.REVIEW) {
        throw new IllegalArgumentException("REVIEW items are never disposed of");
      }
    }
  }

  /** An approved item that was not disposed of, and why. */
  public record Skipped(String recordId, SkipReason reason) {
    public Skipped {
      requireText(recordId, "recordId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The canonical JSON text of this certificate. */
  public String canonicalJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("certificateId", certificateId);
    root.put("sweepId", sweepId);
    root.put("agencyCode", agencyCode);
    root.put("asOf", asOf.toString());
    root.put("plannedBy", plannedBy);
    root.put("plannedAt", plannedAt.toString());
    root.put("approvedBy", approvedBy);
    root.put("approvedAt", approvedAt.toString());
    root.put("executedAt", executedAt.toString());
    root.put("items", items.stream().map(DestructionCertificate::itemJson).toList());
    root.put("skipped", skipped.stream().map(DestructionCertificate::skippedJson).toList());
    return CanonicalJson.write(root);
  }

  /** The bytes to sign: {@link #canonicalJson()} in UTF-8. Equal certificates give equal bytes. */
  public byte[] canonicalBytes() {
    return canonicalJson().getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> itemJson(Item i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recordId", i.recordId());
    i.fileCode().ifPresent(f -> m.put("fileCode", f));
    m.put("sha256", i.sha256());
    m.put("action", i.action().name());
    return m;
  }

  private static Map<String, Object> skippedJson(Skipped s) {
    return Map.of("recordId", s.recordId(), "reason", s.reason().name());
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.forEach(e -> Objects.requireNonNull(e, "list element"));
    copy.sort(order);
    return List.copyOf(copy);
  }

  private static void requireOnce(Set<String> seen, String recordId) {
    if (!seen.add(recordId)) {
      throw new IllegalArgumentException("record " + recordId + " is listed twice");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
