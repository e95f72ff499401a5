package vn.tangthu.archive.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Record of the HTTP contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordView(
    UUID id,
    UUID mainRecordId,
    List<UUID> attachmentIds,
    String agencyCode,
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
    Instant createdAt,
    String createdBy,
    String status,
    Extraction extraction,
    @JsonRawValue String signature,
    Retention retention,
    String receipt,
    RecordSource source) {

  /** Text extraction state; {@code ocr} for a record whose pages go through OCR. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Extraction(String status, String reason, OcrProgress ocr) {}

  /**
   * The effective retention: the governing series (the dossier's for a record in one), its period
   * and action, the eligibility date when there is one, the active legal holds, and {@code state}
   * SCHEDULED, PERMANENT or UNSCHEDULED.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Retention(
      String seriesCode,
      String period,
      String action,
      LocalDate eligibleOn,
      List<UUID> holds,
      String state) {}

  static final String NOT_SIGNED = "{\"status\":\"NOT_SIGNED\",\"signatures\":[]}";

  static RecordView of(
      RecordRow r,
      List<UUID> attachmentIds,
      RecordDao.RetentionColumns retention,
      RecordSource source,
      OcrProgress ocr) {
    return new RecordView(
        r.id(),
        r.mainRecordId(),
        attachmentIds,
        r.agencyCode(),
        r.subject(),
        r.typeName(),
        r.number(),
        r.notation(),
        r.issuedDate(),
        r.issuer(),
        r.fileCode(),
        r.docCode(),
        r.language(),
        r.accessLevel(),
        r.confidence(),
        r.keywords(),
        r.description(),
        r.seriesCode(),
        r.workEndDate(),
        r.sha256(),
        r.size(),
        r.contentType(),
        r.fileName(),
        r.pageCount(),
        r.createdAt(),
        r.createdBy(),
        r.status(),
        new Extraction(r.extractionStatus(), r.extractionReason(), ocr),
        r.signature() == null ? NOT_SIGNED : r.signature(),
        new Retention(
            retention.retentionSeries(),
            retention.retentionPeriod(),
            retention.retentionAction(),
            retention.eligibleOn(),
            retention.holdIds(),
            retention.retentionState()),
        r.receipt(),
        source);
  }
}
