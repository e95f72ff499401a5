package vn.tangthu.archive.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the {@code records} table. */
public record RecordRow(
    UUID id,
    String agencyCode,
    UUID mainRecordId,
    String subject,
    String typeName,
    String number,
    String notation,
    LocalDate issuedDate,
    String issuer,
    String fileCode,
    String docCode,
    String language,
    String accessLevel,
    String confidence,
    String keywords,
    String description,
    String seriesCode,
    LocalDate workEndDate,
    String sha256,
    long size,
    String contentType,
    String fileName,
    Integer pageCount,
    String objectKey,
    String signatureKey,
    Instant createdAt,
    String createdBy,
    String status,
    String extractionStatus,
    String extractionReason,
    String textKey,
    String textLanguage,
    String signature,
    String receipt) {

  /** A new row for a freshly stored file. */
  static RecordRow create(
      UUID id,
      UUID mainRecordId,
      RecordMetadata m,
      StoredFile file,
      String signatureKey,
      Instant createdAt,
      String createdBy) {
    return new RecordRow(
        id,
        m.agencyCode(),
        mainRecordId,
        m.subject(),
        m.typeName(),
        m.number(),
        m.notation(),
        m.issuedDate(),
        m.issuer(),
        m.fileCode(),
        m.docCode(),
        m.language(),
        m.accessLevel(),
        m.confidence(),
        m.keywords(),
        m.description(),
        m.seriesCode(),
        m.workEndDate(),
        file.sha256(),
        file.size(),
        file.contentType(),
        file.fileName(),
        null,
        file.objectKey(),
        signatureKey,
        createdAt,
        createdBy,
        "ACTIVE",
        "PENDING",
        null,
        null,
        null,
        null,
        null);
  }
}
