package vn.tangthu.archive.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code sweeps}. */
public record SweepRow(
    UUID id,
    String agencyCode,
    LocalDate asOf,
    String status,
    String counts,
    String plannedBy,
    Instant plannedAt,
    String approvedBy,
    Instant approvedAt,
    String rejectedBy,
    Instant rejectedAt,
    String rejectReason,
    Instant executedAt,
    UUID certificateId,
    String transferReceivedBy,
    String transferReference,
    String transferConfirmedBy,
    Instant transferConfirmedAt,
    UUID transferCertificateId) {}
