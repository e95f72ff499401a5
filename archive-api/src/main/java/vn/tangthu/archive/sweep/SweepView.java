package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A sweep as the API shows it.
 *
 * @param counts {@code items} (not taken out), one count per action, {@code removed}, {@code
 *     excluded} (reason → count, from planning) and {@code states} (item state → count)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepView(
    UUID id,
    String agencyCode,
    String status,
    LocalDate asOf,
    Map<String, Object> counts,
    String plannedBy,
    Instant plannedAt,
    String approvedBy,
    Instant approvedAt,
    String rejectedBy,
    Instant rejectedAt,
    String rejectReason,
    Instant executedAt,
    UUID certificateId,
    Transfer transfer) {

  /** The historical archive's receipt of the TRANSFER items. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Transfer(
      String receivedBy,
      String reference,
      String confirmedBy,
      Instant confirmedAt,
      UUID certificateId) {}

  static SweepView of(SweepRow r, Map<String, Object> counts) {
    Transfer t =
        r.transferReceivedBy() == null
            ? null
            : new Transfer(
                r.transferReceivedBy(),
                r.transferReference(),
                r.transferConfirmedBy(),
                r.transferConfirmedAt(),
                r.transferCertificateId());
    return new SweepView(
        r.id(),
        r.agencyCode(),
        r.status(),
        r.asOf(),
        counts,
        r.plannedBy(),
        r.plannedAt(),
        r.approvedBy(),
        r.approvedAt(),
        r.rejectedBy(),
        r.rejectedAt(),
        r.rejectReason(),
        r.executedAt(),
        r.certificateId(),
        t);
  }
}
