package vn.tangthu.archive.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code holds}: a legal hold (inspection, lawsuit, complaint). Active while {@code
 * releasedAt} is null.
 *
 * @param query the search the records were chosen by, null when listed by id
 * @param agencyCode the placing user's agency (null for the built-in admin)
 */
public record HoldRow(
    UUID id,
    String name,
    String reason,
    String authority,
    String query,
    String agencyCode,
    String placedBy,
    Instant placedAt,
    int recordCount,
    String releasedBy,
    Instant releasedAt,
    String releaseReason) {}
