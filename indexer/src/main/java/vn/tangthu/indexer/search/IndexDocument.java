package vn.tangthu.indexer.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One record as the index sees it. Field values are the archive's raw values; the index applies its
 * own Vietnamese normalisation.
 *
 * @param id record id (unique key of the index)
 * @param agencyCode owning agency
 * @param agencyPath the owning agency and all its ancestors (root first), for visibility
 * @param accessLevel PUBLIC, INTERNAL or RESTRICTED
 * @param grantees usernames granted access to a RESTRICTED record
 * @param text extracted text (may be empty)
 */
public record IndexDocument(
    String id,
    String agencyCode,
    List<String> agencyPath,
    String accessLevel,
    List<String> grantees,
    String subject,
    String typeName,
    String number,
    String notation,
    String issuer,
    LocalDate issuedDate,
    String docCode,
    String fileCode,
    String keywords,
    String description,
    String text,
    String signatureStatus,
    String retentionStatus,
    String status,
    Instant createdAt) {

  public IndexDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agencyCode, "agencyCode");
    Objects.requireNonNull(accessLevel, "accessLevel");
    agencyPath = agencyPath == null ? List.of(agencyCode) : List.copyOf(agencyPath);
    grantees = grantees == null ? List.of() : List.copyOf(grantees);
    text = text == null ? "" : text;
  }
}
