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
      "code, name, parent_code, valid_to, successor_code, signature_policy, created_at";

  @SqlQuery("SELECT " + COLUMNS + " FROM agencies ORDER BY code")
  List<Agency> all();

  @SqlQuery("SELECT " + COLUMNS + " FROM agencies WHERE code = :code")
  Optional<Agency> find(@Bind("code") String code);

  @SqlUpdate(
      "INSERT INTO agencies (code, name, parent_code, valid_to, successor_code, created_at)"
          + " VALUES (:code, :name, :parentCode, :validTo, :successorCode, :now)"
          + " ON CONFLICT (code) DO NOTHING")
  int insert(
      @Bind("code") String code,
      @Bind("name") String name,
      @Bind("parentCode") String parentCode,
      @Bind("validTo") java.time.LocalDate validTo,
      @Bind("successorCode") String successorCode,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE agencies SET signature_policy = :policy WHERE code = :code")
  int setPolicy(@Bind("code") String code, @Bind("policy") String policy);
}
