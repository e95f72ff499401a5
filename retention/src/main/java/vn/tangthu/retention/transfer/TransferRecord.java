package vn.tangthu.retention.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One record of a dossier being transferred: its metadata, the expected size and SHA-256 of its
 * original, where to read the original from, and the extra preservation files that go with it.
 *
 * @param recordId the archive's record id
 * @param mainRecordId for an attachment (phụ lục), the record it belongs to
 * @param fileName the original file name (kept in PREMIS; sanitised for the package path)
 * @param mediaType the detected media type
 * @param size the original's size in bytes
 * @param sha256 the original's SHA-256, 64 lowercase hex digits
 * @param createdAt when the archive ingested it
 * @param subject trích yếu
 * @param typeName tên loại văn bản, if known
 * @param numberNotation số/ký hiệu (e.g. {@code 123/QĐ-UBND}), if any
 * @param issuedDate ngày ban hành, if known
 * @param issuer cơ quan ban hành, if known
 * @param pageCount pages, if known
 * @param signatureStatus VALID, INVALID, INDETERMINATE or NOT_SIGNED, as the archive found it
 * @param content opens the original's bytes
 * @param extras signature report and evidence record, if any
 */
public record TransferRecord(
    String recordId,
    Optional<String> mainRecordId,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Instant createdAt,
    String subject,
    Optional<String> typeName,
    Optional<String> numberNotation,
    Optional<LocalDate> issuedDate,
    Optional<String> issuer,
    Optional<Integer> pageCount,
    String signatureStatus,
    ContentSource content,
    List<ExtraFile> extras) {

  /** The signature statuses of the HTTP contract. */
  public static final Set<String> SIGNATURE_STATUSES =
      Set.of("VALID", "INVALID", "INDETERMINATE", "NOT_SIGNED");

  public TransferRecord {
    Checks.text(recordId, "recordId");
    Objects.requireNonNull(mainRecordId, "mainRecordId");
    Checks.text(fileName, "fileName");
    Checks.text(mediaType, "mediaType");
    Checks.size(size);
    Checks.sha256(sha256);
    Objects.requireNonNull(createdAt, "createdAt");
    Checks.text(subject, "subject");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(numberNotation, "numberNotation");
    Objects.requireNonNull(issuedDate, "issuedDate");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(pageCount, "pageCount");
    if (!SIGNATURE_STATUSES.contains(signatureStatus)) {
      throw new IllegalArgumentException(
          "signatureStatus must be one of " + SIGNATURE_STATUSES + ", got " + signatureStatus);
    }
    Objects.requireNonNull(content, "content");
    extras = List.copyOf(extras);
  }
}
