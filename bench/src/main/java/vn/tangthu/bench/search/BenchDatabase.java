package vn.tangthu.bench.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Writes the synthetic archive into PostgreSQL: agencies, records and the change log through the
 * archive's own schema (already migrated), and the PostgreSQL full-text baseline table {@code
 * bench_fts} (text, filters and a generated {@code tsvector} of the unaccented text, with GIN
 * indexes). Rows are sent with COPY in batches. Not thread-safe: one instance per connection.
 */
final class BenchDatabase {

  static final String FTS_TABLE = "bench_fts";
  private static final int BATCH = 2_000;

  private final Connection connection;
  private final StringBuilder records = new StringBuilder();
  private final StringBuilder outbox = new StringBuilder();
  private final StringBuilder fts = new StringBuilder();
  private int pending;

  BenchDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Creates the baseline table and the immutable unaccent wrapper its generated column needs. */
  static void createFtsTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
      s.execute(
          "CREATE OR REPLACE FUNCTION bench_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE"
              + " PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary,"
              + " $1) $$");
      s.execute("DROP TABLE IF EXISTS " + FTS_TABLE);
      s.execute(
          "CREATE TABLE "
              + FTS_TABLE
              + " (id uuid PRIMARY KEY, agency_code text NOT NULL, agency_path text[] NOT NULL,"
              + " type_name text, issued_date date, year integer, access_level text NOT NULL,"
              + " doc_number text, subject text NOT NULL, meta text, body text NOT NULL,"
              + " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple',"
              + " bench_unaccent(subject || ' ' || coalesce(meta, '') || ' ' || body))) STORED)");
    }
  }

  /** Indexes of the baseline, built after the rows are in (as a bulk load would). */
  static void indexFtsTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '1GB'");
      s.execute("CREATE INDEX bench_fts_tsv ON " + FTS_TABLE + " USING gin (tsv)");
      s.execute("CREATE INDEX bench_fts_path ON " + FTS_TABLE + " USING gin (agency_path)");
      s.execute("CREATE INDEX bench_fts_type ON " + FTS_TABLE + " (type_name)");
      s.execute("CREATE INDEX bench_fts_issued ON " + FTS_TABLE + " (issued_date)");
      s.execute("CREATE INDEX bench_fts_number ON " + FTS_TABLE + " (doc_number)");
      s.execute("VACUUM ANALYZE " + FTS_TABLE);
      s.execute("VACUUM ANALYZE records");
      s.execute("VACUUM ANALYZE outbox");
    }
  }

  static void insertAgencies(Connection c, List<SyntheticArchive.AgencyDef> agencies)
      throws SQLException, IOException {
    StringBuilder sb = new StringBuilder();
    for (SyntheticArchive.AgencyDef a : agencies) {
      row(sb, a.code(), a.name(), a.parent(), Instant.EPOCH.toString());
    }
    copy(c, "agencies (code, name, parent_code, created_at)", sb);
  }

  /** Adds one record, its UPSERT change-log event at {@code position}, and its baseline row. */
  void add(SyntheticArchive.Doc doc, List<String> agencyPath, long position)
      throws SQLException, IOException {
    RecordRow r = doc.row();
    row(
        records,
        r.id().toString(),
        r.agencyCode(),
        r.subject(),
        r.typeName(),
        r.number(),
        r.notation(),
        r.issuedDate().toString(),
        r.issuer(),
        r.language(),
        r.accessLevel(),
        r.confidence(),
        r.sha256(),
        Long.toString(r.size()),
        r.contentType(),
        r.fileName(),
        Integer.toString(r.pageCount()),
        r.objectKey(),
        r.createdAt().toString(),
        r.createdBy(),
        r.status(),
        r.extractionStatus(),
        r.textLanguage());
    row(outbox, Long.toString(position), r.id().toString(), "UPSERT", r.createdAt().toString());
    String written = r.number() + "/" + r.notation();
    row(
        fts,
        r.id().toString(),
        r.agencyCode(),
        "{" + String.join(",", agencyPath) + "}",
        r.typeName(),
        r.issuedDate().toString(),
        Integer.toString(r.issuedDate().getYear()),
        r.accessLevel(),
        VietnameseText.docNumber(written),
        SyntheticArchive.nfc(r.subject()),
        SyntheticArchive.nfc(r.typeName() + " " + written + " " + r.issuer()),
        SyntheticArchive.nfc(doc.text()));
    if (++pending >= BATCH) {
      flush();
    }
  }

  void flush() throws SQLException, IOException {
    if (pending == 0) {
      return;
    }
    copy(
        connection,
        "records (id, agency_code, subject, type_name, number, notation, issued_date, issuer,"
            + " language, access_level, confidence, sha256, size, content_type, file_name,"
            + " page_count, object_key, created_at, created_by, status, extraction_status,"
            + " text_language)",
        records);
    copy(connection, "outbox (position, record_id, kind, created_at)", outbox);
    copy(
        connection,
        FTS_TABLE
            + " (id, agency_code, agency_path, type_name, issued_date, year, access_level,"
            + " doc_number, subject, meta, body)",
        fts);
    records.setLength(0);
    outbox.setLength(0);
    fts.setLength(0);
    pending = 0;
  }

  /** Moves the change log's head to the last position written. */
  static void setHead(Connection c, long position) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE outbox_position SET position = " + position + " WHERE id = 1");
    }
  }

  static UUID id(SyntheticArchive.Doc doc) {
    return doc.row().id();
  }

  private static void copy(Connection c, String target, StringBuilder rows)
      throws SQLException, IOException {
    try (Reader in = new StringReader(rows.toString())) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY " + target + " FROM STDIN (FORMAT text)", in);
    }
  }

  /** One line of COPY's text format; null is {@code \N}. */
  private static void row(StringBuilder sb, String... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      String v = values[i];
      if (v == null) {
        sb.append("\\N");
        continue;
      }
      for (int k = 0; k < v.length(); k++) {
        char ch = v.charAt(k);
        switch (ch) {
          case '\\' -> sb.append("\\\\");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          default -> sb.append(ch);
        }
      }
    }
    sb.append('\n');
  }
}
