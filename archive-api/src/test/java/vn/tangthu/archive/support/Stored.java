package vn.tangthu.archive.support;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.tangthu.archive.storage.StorageProbe;

/**
 * What the archive has stored, summed up: for every table a request can write (the audit trail
 * aside, which records refusals too) its row count and a digest of its rows, and the number of
 * object versions in both buckets (the audit anchor aside). Two equal snapshots around a request
 * mean it stored and changed nothing. Columns that background work fills in after an upload
 * (extraction, storage locks) are left out of the records' digest.
 */
public final class Stored {

  private static final String RECORD_COLUMNS =
      "(id, agency_code, main_record_id, subject, type_name, number, notation, issued_date,"
          + " issuer, file_code, doc_code, language, access_level, confidence, keywords,"
          + " description, series_code, work_end_date, sha256, size, file_name, status)";

  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    for (String t :
        new String[] {
          "agencies",
          "users",
          "api_tokens",
          "outbox",
          "idempotency_keys",
          "upload_intents",
          "record_grants",
          "record_history",
          "retention_schedules",
          "dossiers",
          "holds",
          "hold_records",
          "sweeps",
          "sweep_items",
          "sweep_exclusions",
          "retention_certificates",
          "signature_history"
        }) {
      TABLES.put(t, "t");
    }
    TABLES.put("records", RECORD_COLUMNS);
  }

  private Stored() {}

  /** Per table "rows:digest", then version counts by bucket, in a fixed order. */
  public static Map<String, String> snapshot(RunningArchive archive) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      sql.append(sql.isEmpty() ? "SELECT " : " UNION ALL SELECT ")
          .append("'")
          .append(t.getKey())
          .append("', count(*) || ':' || coalesce(md5(string_agg(")
          .append(t.getValue())
          .append("::text, '|' ORDER BY ")
          .append(t.getValue())
          .append("::text)), '-') FROM ")
          .append(t.getKey())
          .append(" t");
    }
    archive
        .wiring()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(sql.toString())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    StorageProbe probe = new StorageProbe(archive.wiring().store());
    var storage = archive.configuration().getStorage();
    out.put(
        "s3:" + storage.originalsBucket(),
        String.valueOf(probe.countVersions(storage.originalsBucket(), null)));
    out.put(
        "s3:" + storage.derivedBucket(),
        String.valueOf(probe.countVersions(storage.derivedBucket(), "audit/")));
    return out;
  }
}
