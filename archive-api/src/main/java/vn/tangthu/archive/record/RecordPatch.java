package vn.tangthu.archive.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.tangthu.archive.input.Dates;

/**
 * A correction of a record's metadata ({@code PATCH /records/{id}}): only the contract's
 * correctable fields, each validated like at ingest; {@code null} clears an optional field.
 */
record RecordPatch(Map<String, Object> changes) {

  static final Set<String> FIELDS =
      Set.of(
          "subject",
          "typeName",
          "number",
          "notation",
          "issuedDate",
          "issuer",
          "fileCode",
          "accessLevel",
          "keywords",
          "description",
          "seriesCode",
          "workEndDate");

  static RecordPatch parse(JsonNode body, Dates dates) {
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw RecordMetadata.invalid(
          "", "must be a non-empty JSON object", "phải là đối tượng JSON không rỗng");
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    var names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw RecordMetadata.invalid(name, "cannot be corrected", "không được sửa");
      }
      changes.put(name, value(name, body.get(name), dates));
    }
    return new RecordPatch(changes);
  }

  private static Object value(String name, JsonNode v, Dates dates) {
    if (v == null || v.isNull()) {
      if (name.equals("subject") || name.equals("accessLevel")) {
        throw RecordMetadata.invalid(name, "is required", "là bắt buộc");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw RecordMetadata.invalid(name, "must be a string", "phải là chuỗi");
    }
    if (name.equals("issuedDate") || name.equals("workEndDate")) {
      return date(name, v.asText(), dates);
    }
    String s = v.asText().strip();
    return switch (name) {
      case "accessLevel" -> {
        if (!RecordMetadata.ACCESS_LEVELS.contains(s)) {
          throw RecordMetadata.invalid(
              name,
              "must be PUBLIC, INTERNAL or RESTRICTED",
              "phải là PUBLIC, INTERNAL hoặc RESTRICTED");
        }
        yield s;
      }
      case "subject" -> {
        if (s.isEmpty() || s.length() > 4000) {
          throw RecordMetadata.invalid(
              name, "must have 1 to 4000 characters", "phải có 1 đến 4000 ký tự");
        }
        yield s;
      }
      default -> {
        if (s.length() > 20000) {
          throw RecordMetadata.invalid(name, "is too long", "quá dài");
        }
        yield s.isEmpty() ? null : s;
      }
    };
  }

  private static LocalDate date(String name, String s, Dates dates) {
    try {
      return dates.document(s);
    } catch (Dates.Refused e) {
      throw RecordMetadata.invalid(name, e.reasonEn(), e.reasonVi());
    }
  }

  /** The row with the changes applied. */
  RecordRow applyTo(RecordRow r) {
    return new RecordRow(
        r.id(),
        r.agencyCode(),
        r.mainRecordId(),
        (String) get("subject", r.subject()),
        (String) get("typeName", r.typeName()),
        (String) get("number", r.number()),
        (String) get("notation", r.notation()),
        (LocalDate) get("issuedDate", r.issuedDate()),
        (String) get("issuer", r.issuer()),
        (String) get("fileCode", r.fileCode()),
        r.docCode(),
        r.language(),
        (String) get("accessLevel", r.accessLevel()),
        r.confidence(),
        (String) get("keywords", r.keywords()),
        (String) get("description", r.description()),
        (String) get("seriesCode", r.seriesCode()),
        (LocalDate) get("workEndDate", r.workEndDate()),
        r.sha256(),
        r.size(),
        r.contentType(),
        r.fileName(),
        r.pageCount(),
        r.objectKey(),
        r.signatureKey(),
        r.createdAt(),
        r.createdBy(),
        r.status(),
        r.extractionStatus(),
        r.extractionReason(),
        r.textKey(),
        r.textLanguage(),
        r.signature(),
        r.receipt());
  }

  /** The values the changed fields had before. */
  static Map<String, Object> previous(RecordRow r, Set<String> fields) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("subject", r.subject());
    all.put("typeName", r.typeName());
    all.put("number", r.number());
    all.put("notation", r.notation());
    all.put("issuedDate", r.issuedDate());
    all.put("issuer", r.issuer());
    all.put("fileCode", r.fileCode());
    all.put("accessLevel", r.accessLevel());
    all.put("keywords", r.keywords());
    all.put("description", r.description());
    all.put("seriesCode", r.seriesCode());
    all.put("workEndDate", r.workEndDate());
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      out.put(f, all.get(f));
    }
    return out;
  }

  private Object get(String field, Object current) {
    return changes.containsKey(field) ? changes.get(field) : current;
  }
}
