package vn.tangthu.archive.record;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.error.ApiException;

/**
 * When a submission is a record the archive already has: the same {@code agencyCode} and {@code
 * docCode} (every submission); the same edXML {@code DocumentId} from the same sender; for an
 * imported file without a {@code docCode}, a main record of the same agency with the same bytes and
 * subject (so importing a package again adds nothing). Each is refused with 409 {@code DUPLICATE}
 * and the existing record's id. Checked before anything is stored, and again inside the committing
 * transaction (unique indexes for the first two, an advisory lock for the third). Thread-safe.
 */
final class Duplicates {

  private final Jdbi jdbi;

  Duplicates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Refuses {@code s} when it is already in the archive (a read, before storing). */
  void check(Submission s) {
    jdbi.useHandle(h -> existing(h, s).ifPresent(id -> refuse(s, id)));
  }

  /** Inside the committing transaction, before the record rows are written. */
  void recheck(Handle h, Submission s) {
    if (byContent(s)) {
      h.attach(RecordSourceDao.class).lockContent(s.metadata().agencyCode(), s.file().sha256());
    }
    existing(h, s).ifPresent(id -> refuse(s, id));
  }

  /** The refusal of a unique index's race, or empty when {@code e} is not one of ours. */
  Optional<ApiException> raced(Exception e, Submission s) {
    if (!uniqueViolation(e, "records_agency_doc_code")
        && !uniqueViolation(e, "record_sources_edxml")) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> existing(h, s)).map(id -> refusal(s, id));
  }

  private static Optional<UUID> existing(Handle h, Submission s) {
    RecordMetadata m = s.metadata();
    if (m.docCode() != null) {
      Optional<UUID> id = h.attach(RecordDao.class).findByDocCode(m.agencyCode(), m.docCode());
      if (id.isPresent()) {
        return id;
      }
    }
    RecordSource src = s.source();
    RecordSourceDao sources = h.attach(RecordSourceDao.class);
    if (src.fromOrganId() != null && src.edxmlDocumentId() != null) {
      Optional<UUID> id = sources.findEdxml(src.fromOrganId(), src.edxmlDocumentId());
      if (id.isPresent()) {
        return id;
      }
    }
    if (byContent(s)) {
      return sources.findSameContent(m.agencyCode(), s.file().sha256(), m.subject());
    }
    return Optional.empty();
  }

  private static boolean byContent(Submission s) {
    return s.source().imported() && s.metadata().docCode() == null;
  }

  private static void refuse(Submission s, UUID existing) {
    throw refusal(s, existing);
  }

  private static ApiException refusal(Submission s, UUID existing) {
    RecordMetadata m = s.metadata();
    String en;
    String vi;
    if (m.docCode() != null) {
      en = "Agency " + m.agencyCode() + " already has a record with docCode " + m.docCode() + ".";
      vi = "Cơ quan " + m.agencyCode() + " đã có văn bản mã " + m.docCode() + ".";
    } else if (s.source().edxmlDocumentId() != null) {
      en =
          "The edXML message "
              + s.source().edxmlDocumentId()
              + " from "
              + s.source().fromOrganId()
              + " is already a record.";
      vi =
          "Thông điệp edXML "
              + s.source().edxmlDocumentId()
              + " của "
              + s.source().fromOrganId()
              + " đã được lưu.";
    } else {
      en = "Agency " + m.agencyCode() + " already has this file with this subject.";
      vi = "Cơ quan " + m.agencyCode() + " đã có tệp này với cùng trích yếu.";
    }
    return ApiException.of(409, "DUPLICATE", en, vi).with("existingId", existing.toString());
  }

  static boolean uniqueViolation(Exception e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return sql.getMessage() != null && sql.getMessage().contains(constraint);
      }
    }
    return false;
  }
}
