package vn.tangthu.archive.record;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code record_ocr} table: records that go through OCR and their progress. A row whose record
 * is still {@code PENDING} means the record is queued for OCR or being read.
 */
public interface RecordOcrDao {

  /** Queues a record for OCR (again): progress starts from zero. */
  @SqlUpdate(
      "INSERT INTO record_ocr (record_id, pages, pages_done, languages, updated_at)"
          + " VALUES (:id, :pages, 0, :languages, :now) ON CONFLICT (record_id) DO UPDATE SET"
          + " pages = :pages, pages_done = 0, engine = NULL, mean_confidence = NULL,"
          + " languages = :languages, updated_at = :now")
  void queue(
      @Bind("id") UUID id,
      @Bind("pages") int pages,
      @Bind("languages") String languages,
      @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE record_ocr SET pages = :pages, pages_done = :done, updated_at = :now"
          + " WHERE record_id = :id")
  int progress(
      @Bind("id") UUID id,
      @Bind("pages") int pages,
      @Bind("done") int done,
      @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE record_ocr SET pages = :pages, pages_done = :done, engine = :engine,"
          + " languages = :languages, mean_confidence = :confidence, updated_at = :now"
          + " WHERE record_id = :id")
  int finish(
      @Bind("id") UUID id,
      @Bind("pages") int pages,
      @Bind("done") int done,
      @Bind("engine") String engine,
      @Bind("languages") String languages,
      @Bind("confidence") Double confidence,
      @Bind("now") Instant now);

  /** A record's OCR row. */
  record Row(int pages, int pagesDone, String engine, String languages, Double meanConfidence) {

    /** As the Record shows it. */
    public OcrProgress view() {
      List<String> list =
          languages == null || languages.isBlank()
              ? List.of()
              : Arrays.asList(languages.split("\\+"));
      return new OcrProgress(pages, pagesDone, engine, list, meanConfidence);
    }
  }

  @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Row.class)
  @SqlQuery(
      "SELECT pages, pages_done, engine, languages, mean_confidence FROM record_ocr"
          + " WHERE record_id = :id")
  Optional<Row> find(@Bind("id") UUID id);

  /** Whether the record is queued for OCR or being read. */
  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM record_ocr o JOIN records r ON r.id = o.record_id"
          + " WHERE o.record_id = :id AND r.extraction_status = 'PENDING')")
  boolean waiting(@Bind("id") UUID id);

  /** Active records queued for OCR or being read (e.g. when the server stopped). */
  @SqlQuery(
      "SELECT o.record_id FROM record_ocr o JOIN records r ON r.id = o.record_id"
          + " WHERE r.extraction_status = 'PENDING' AND r.status = 'ACTIVE' ORDER BY o.updated_at")
  List<UUID> waitingAll();

  /**
   * Puts active records with this extraction status back to PENDING, at most {@code limit}; returns
   * them.
   */
  @SqlQuery(
      "UPDATE records SET extraction_status = 'PENDING', extraction_reason = NULL WHERE id IN"
          + " (SELECT id FROM records WHERE extraction_status = :status AND status = 'ACTIVE'"
          + " ORDER BY id LIMIT :limit) RETURNING id")
  List<UUID> reopen(@Bind("status") String status, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM record_ocr WHERE record_id = :id")
  int forget(@Bind("id") UUID id);
}
