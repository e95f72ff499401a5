package vn.tangthu.archive.agency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The agency table. */
@RegisterConstructorMapper(Agency.class)
public interface AgencyDao {

  String COLUMNS =
      "code, name, parent_code, valid_to, successor_code, signature_policy, created_at,"
          + " edxml_organ_id";

  @SqlQuery("SELECT " + COLUMNS + " FROM agencies ORDER BY code")
  List<Agency> all();

  @SqlQuery("SELECT " + COLUMNS + " FROM agencies WHERE code = :code")
  Optional<Agency> find(@Bind("code") String code);

  @SqlUpdate(
      "INSERT INTO agencies (code, name, parent_code, valid_to, successor_code, edxml_organ_id,"
          + " created_at)"
          + " VALUES (:code, :name, :parentCode, :validTo, :successorCode, :edxmlOrganId, :now)"
          + " ON CONFLICT (code) DO NOTHING")
  int insert(
      @Bind("code") String code,
      @Bind("name") String name,
      @Bind("parentCode") String parentCode,
      @Bind("validTo") java.time.LocalDate validTo,
      @Bind("successorCode") String successorCode,
      @Bind("edxmlOrganId") String edxmlOrganId,
      @Bind("now") Instant now);

  /** The agency row, locked until the end of the transaction. */
  @SqlQuery("SELECT " + COLUMNS + " FROM agencies WHERE code = :code FOR UPDATE")
  Optional<Agency> lock(@Bind("code") String code);

  @SqlUpdate(
      "UPDATE agencies SET name = :name, parent_code = :parentCode, valid_to = :validTo,"
          + " successor_code = :successorCode, edxml_organ_id = :edxmlOrganId WHERE code = :code")
  int update(
      @Bind("code") String code,
      @Bind("name") String name,
      @Bind("parentCode") String parentCode,
      @Bind("validTo") java.time.LocalDate validTo,
      @Bind("successorCode") String successorCode,
      @Bind("edxmlOrganId") String edxmlOrganId);

  /** The agency whose edXML identifier is {@code organId}. */
  @SqlQuery("SELECT " + COLUMNS + " FROM agencies WHERE edxml_organ_id = :organId")
  Optional<Agency> findByEdxmlOrganId(@Bind("organId") String organId);

  @SqlUpdate("UPDATE agencies SET signature_policy = :policy WHERE code = :code")
  int setPolicy(@Bind("code") String code, @Bind("policy") String policy);
}
