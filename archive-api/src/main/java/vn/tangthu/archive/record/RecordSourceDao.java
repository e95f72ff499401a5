package vn.tangthu.archive.record;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Where imported records came from ({@code record_sources}), and the lookups of the import's
 * duplicate rules.
 */
public interface RecordSourceDao {

  @SqlUpdate(
      "INSERT INTO record_sources (record_id, main, kind, import_id, edxml_document_id,"
          + " from_organ_id) VALUES (:recordId, :main, :kind, :importId, :edxmlDocumentId,"
          + " :fromOrganId)")
  void insert(
      @Bind("recordId") UUID recordId,
      @Bind("main") boolean main,
      @BindMethods RecordSource source);

  @RegisterConstructorMapper(RecordSource.class)
  @SqlQuery(
      "SELECT kind, import_id, edxml_document_id, from_organ_id FROM record_sources"
          + " WHERE record_id = :id")
  Optional<RecordSource> find(@Bind("id") UUID recordId);

  /** The record made of the edXML message {@code documentId} from sender {@code organId}. */
  @SqlQuery(
      "SELECT record_id FROM record_sources WHERE main AND from_organ_id = :organId"
          + " AND edxml_document_id = :documentId")
  Optional<UUID> findEdxml(@Bind("organId") String organId, @Bind("documentId") String documentId);

  /** A main record of {@code agencyCode} with these bytes and this subject. */
  @SqlQuery(
      "SELECT id FROM records WHERE agency_code = :agencyCode AND sha256 = :sha256"
          + " AND subject = :subject AND main_record_id IS NULL ORDER BY id LIMIT 1")
  Optional<UUID> findSameContent(
      @Bind("agencyCode") String agencyCode,
      @Bind("sha256") String sha256,
      @Bind("subject") String subject);

  /**
   * Serialises, until the end of the transaction, the writers of one agency's records with these
   * bytes, so that two imports of the same file cannot both pass {@link #findSameContent}.
   */
  @SqlQuery("SELECT pg_advisory_xact_lock(hashtextextended(:agencyCode || '/' || :sha256, 20))")
  String lockContent(@Bind("agencyCode") String agencyCode, @Bind("sha256") String sha256);
}
