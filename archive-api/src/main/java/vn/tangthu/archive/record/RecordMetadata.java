package vn.tangthu.archive.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.tangthu.archive.error.ApiException;

/**
 * The {@code metadata} part of an upload (Circular 02/2019, 05/2025, Decree 113/2025 fields),
 * validated on construction: a bad field is a 400 {@code INVALID_METADATA} naming it.
 */
public record RecordMetadata(
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
    LocalDate workEndDate) {

  static final Set<String> ACCESS_LEVELS = Set.of("PUBLIC", "INTERNAL", "RESTRICTED");
  static final Set<String> CONFIDENCE = Set.of("ORIGINAL_ELECTRONIC", "DIGITIZED", "MIXED");

  @JsonCreator
  public RecordMetadata(
      @JsonProperty("agencyCode") String agencyCode,
      @JsonProperty("subject") String subject,
      @JsonProperty("typeName") String typeName,
      @JsonProperty("number") String number,
      @JsonProperty("notation") String notation,
      @JsonProperty("issuedDate") LocalDate issuedDate,
      @JsonProperty("issuer") String issuer,
      @JsonProperty("fileCode") String fileCode,
      @JsonProperty("docCode") String docCode,
      @JsonProperty("language") String language,
      @JsonProperty("accessLevel") String accessLevel,
      @JsonProperty("confidence") String confidence,
      @JsonProperty("keywords") Object keywords,
      @JsonProperty("description") String description,
      @JsonProperty("seriesCode") String seriesCode,
      @JsonProperty("workEndDate") LocalDate workEndDate) {
    this(
        required("agencyCode", agencyCode, 64),
        required("subject", subject, 4000),
        optional("typeName", typeName, 200),
        optional("number", number, 50),
        optional("notation", notation, 100),
        issuedDate,
        optional("issuer", issuer, 500),
        optional("fileCode", fileCode, 200),
        optional("docCode", docCode, 200),
        language == null || language.isBlank() ? "vi" : optional("language", language, 35),
        oneOf("accessLevel", accessLevel == null ? "INTERNAL" : accessLevel, ACCESS_LEVELS),
        confidence == null ? null : oneOf("confidence", confidence, CONFIDENCE),
        keywords(keywords),
        optional("description", description, 20000),
        optional("seriesCode", seriesCode, 100),
        workEndDate);
  }

  public RecordMetadata {
    required("agencyCode", agencyCode, 64);
    required("subject", subject, 4000);
    oneOf("accessLevel", accessLevel, ACCESS_LEVELS);
  }

  /** The same metadata for an attachment (phụ lục): no docCode, which identifies the main one. */
  RecordMetadata forAttachment() {
    return new RecordMetadata(
        agencyCode,
        subject,
        typeName,
        number,
        notation,
        issuedDate,
        issuer,
        fileCode,
        null,
        language,
        accessLevel,
        confidence,
        keywords,
        description,
        seriesCode,
        workEndDate);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required", "là bắt buộc");
    }
    return optional(field, value, max);
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw invalid(field, "is longer than " + max + " characters", "dài quá " + max + " ký tự");
    }
    if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
      throw invalid(field, "contains control characters", "chứa ký tự điều khiển");
    }
    return v;
  }

  private static String oneOf(String field, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw invalid(
          field,
          "must be one of " + String.join(", ", allowed.stream().sorted().toList()),
          "phải là một trong " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }

  private static String keywords(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return optional("keywords", s, 4000);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return optional(
          "keywords", String.join("; ", list.stream().map(String.class::cast).toList()), 4000);
    }
    throw invalid(
        "keywords", "must be a string or a list of strings", "phải là chuỗi hoặc danh sách chuỗi");
  }

  static ApiException invalid(String field, String en, String vi) {
    return ApiException.badRequest(
            "INVALID_METADATA",
            "metadata." + field + " " + en + ".",
            "metadata." + field + " " + vi + ".")
        .with("field", field);
  }
}
