package vn.tangthu.archive.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code holds} and {@code hold_records} tables. */
@RegisterConstructorMapper(HoldRow.class)
public interface HoldDao {

  String COLUMNS =
      "id, name, reason, authority, query, agency_code, placed_by, placed_at, record_count,"
          + " released_by, released_at, release_reason";

  @SqlUpdate(
      "INSERT INTO holds ("
          + COLUMNS
          + ") VALUES (:id, :name, :reason, :authority, :query, :agencyCode, :placedBy,"
          + " :placedAt, :recordCount, :releasedBy, :releasedAt, :releaseReason)")
  void insert(@BindMethods HoldRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM holds WHERE id = :id")
  Optional<HoldRow> find(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM holds WHERE id = :id FOR UPDATE")
  Optional<HoldRow> findForUpdate(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM holds WHERE (CAST(:after AS uuid) IS NULL OR id > :after)"
          + " ORDER BY id LIMIT :limit")
  List<HoldRow> page(@Bind("after") UUID after, @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE holds SET released_by = :by, released_at = :at, release_reason = :reason"
          + " WHERE id = :id AND released_at IS NULL")
  int release(
      @Bind("id") UUID id,
      @Bind("by") String by,
      @Bind("at") Instant at,
      @Bind("reason") String reason);

  @SqlUpdate(
      "INSERT INTO hold_records (hold_id, record_id) SELECT :hold, unnest(:ids)"
          + " ON CONFLICT DO NOTHING")
  int addRecords(@Bind("hold") UUID hold, @Bind("ids") UUID[] ids);

  @SqlQuery("SELECT record_id FROM hold_records WHERE hold_id = :hold ORDER BY record_id")
  List<UUID> recordIds(@Bind("hold") UUID hold);

  /** Who may read a record, as the visibility rule needs it. */
  record Member(UUID id, String agencyCode, String accessLevel, String status) {}

  @RegisterConstructorMapper(Member.class)
  @SqlQuery(
      "SELECT r.id, r.agency_code, r.access_level, r.status FROM hold_records hr"
          + " JOIN records r ON r.id = hr.record_id WHERE hr.hold_id = :hold"
          + " AND (CAST(:after AS uuid) IS NULL OR r.id > :after) ORDER BY r.id LIMIT :limit")
  List<Member> members(
      @Bind("hold") UUID hold, @Bind("after") UUID after, @Bind("limit") int limit);

  @RegisterConstructorMapper(Member.class)
  @SqlQuery("SELECT id, agency_code, access_level, status FROM records WHERE id = ANY(:ids)")
  List<Member> records(@Bind("ids") UUID[] ids);

  /**
   * The active records held together with {@code ids}: each one's main record and attachments, and
   * every record of the same dossier (fileCode, of the same agency: a dossier holds its own
   * agency's records only), with theirs. Who may read each is for the caller to check.
   */
  @RegisterConstructorMapper(Member.class)
  @SqlQuery(
      "SELECT r.id, r.agency_code, r.access_level, r.status FROM records r"
          + " JOIN records src ON src.id = COALESCE(r.main_record_id, r.id)"
          + " WHERE r.status = 'ACTIVE' AND (src.id IN (SELECT COALESCE(x.main_record_id, x.id)"
          + " FROM records x WHERE x.id = ANY(:ids)) OR (src.file_code, src.agency_code) IN"
          + " (SELECT s.file_code, s.agency_code FROM records x JOIN records s"
          + " ON s.id = COALESCE(x.main_record_id, x.id)"
          + " WHERE x.id = ANY(:ids) AND s.file_code IS NOT NULL)) ORDER BY r.id")
  List<Member> heldTogether(@Bind("ids") UUID[] ids);

  /** The agencies of the records of hold {@code hold}. */
  @SqlQuery(
      "SELECT DISTINCT r.agency_code FROM hold_records hr JOIN records r ON r.id = hr.record_id"
          + " WHERE hr.hold_id = :hold")
  List<String> agenciesOf(@Bind("hold") UUID hold);

  /** Whether hold {@code hold} holds a record of one of {@code agencies}. */
  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM hold_records hr JOIN records r ON r.id = hr.record_id"
          + " WHERE hr.hold_id = :hold AND r.agency_code = ANY(:agencies))")
  boolean holdsAnyOf(@Bind("hold") UUID hold, @Bind("agencies") String[] agencies);

  /**
   * How many of the records of hold {@code hold} a caller may read, given as {@link
   * vn.tangthu.archive.access.AccessPolicy.ReadScope}: PUBLIC ones, INTERNAL ones of {@code
   * internal}, RESTRICTED ones of {@code own} or granted to {@code username}.
   */
  @SqlQuery(
      "SELECT count(*) FROM hold_records hr JOIN records r ON r.id = hr.record_id"
          + " WHERE hr.hold_id = :hold AND (r.access_level = 'PUBLIC'"
          + " OR (r.access_level = 'INTERNAL' AND r.agency_code = ANY(:internal))"
          + " OR (r.access_level = 'RESTRICTED' AND (r.agency_code = ANY(:own)"
          + " OR EXISTS (SELECT 1 FROM record_grants g WHERE g.record_id = r.id"
          + " AND g.username = :username))))")
  int countReadable(
      @Bind("hold") UUID hold,
      @Bind("internal") String[] internal,
      @Bind("own") String[] own,
      @Bind("username") String username);

  /**
   * Adds {@code ids} (and their attachments) to the active holds of the records they are held
   * together with (same main record or same dossier), keeping each hold's record count; returns how
   * many memberships were added. A record filed into a held dossier is held with it.
   */
  @SqlUpdate(
      "WITH added AS (INSERT INTO hold_records (hold_id, record_id)"
          + " SELECT DISTINCT hr.hold_id, r.id FROM records r"
          + " JOIN records src ON src.id = COALESCE(r.main_record_id, r.id)"
          + " JOIN records peer ON (peer.id = src.id OR peer.main_record_id = src.id"
          + " OR (src.file_code IS NOT NULL AND peer.file_code = src.file_code"
          + " AND peer.agency_code = src.agency_code))"
          + " JOIN hold_records hr ON hr.record_id = peer.id"
          + " JOIN holds h ON h.id = hr.hold_id AND h.released_at IS NULL"
          + " WHERE (r.id = ANY(:ids) OR r.main_record_id = ANY(:ids)) AND r.status = 'ACTIVE'"
          + " ON CONFLICT DO NOTHING RETURNING hold_id)"
          + " UPDATE holds SET record_count = record_count"
          + " + (SELECT count(*) FROM added a WHERE a.hold_id = holds.id)"
          + " WHERE id IN (SELECT hold_id FROM added)")
  int joinHeldGroups(@Bind("ids") UUID[] ids);
}
