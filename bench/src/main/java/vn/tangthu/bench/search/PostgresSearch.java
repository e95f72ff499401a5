package vn.tangthu.bench.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * The baseline: PostgreSQL full-text search over {@code bench_fts} (tsvector of the unaccented
 * text, GIN). Each query computes its exact count and its first 20 rows (ranked by {@code ts_rank},
 * or newest first for filter-only queries); filter-only queries also count the three facets
 * (agency, type, year), as the API does for every query. Unquoted words must all match, a phrase
 * matches as a phrase, a document number matches the record's own number or the words of the number
 * as a phrase. One connection per calling thread. Thread-safe.
 */
public final class PostgresSearch implements SearchEngine {

  private final String url;
  private final String user;
  private final String password;
  private final ThreadLocal<Connection> connections;
  private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();

  public PostgresSearch(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.connections = ThreadLocal.withInitial(this::connect);
  }

  private Connection connect() {
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      all.add(c);
      return c;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + url, e);
    }
  }

  @Override
  public long total(BenchQuery query) throws SQLException {
    Connection c = connections.get();
    Where where = where(query);
    long total;
    try (PreparedStatement s =
        c.prepareStatement("SELECT count(*) FROM " + BenchDatabase.FTS_TABLE + where.sql)) {
      where.bind(s, 1);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        total = r.getLong(1);
      }
    }
    String order =
        query.filterOnly()
            ? " ORDER BY issued_date DESC, id"
            : " ORDER BY ts_rank(tsv, " + where.tsquery + ") DESC, id";
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, subject, type_name, issued_date, agency_code FROM "
                + BenchDatabase.FTS_TABLE
                + where.sql
                + order
                + " LIMIT 20")) {
      int next = where.bind(s, 1);
      if (!query.filterOnly()) {
        where.bindQuery(s, next);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          r.getString(2);
        }
      }
    }
    if (query.filterOnly()) {
      for (String facet : List.of("agency_code", "type_name", "year")) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + facet
                    + ", count(*) FROM "
                    + BenchDatabase.FTS_TABLE
                    + where.sql
                    + " GROUP BY "
                    + facet)) {
          where.bind(s, 1);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              r.getLong(2);
            }
          }
        }
      }
    }
    return total;
  }

  /** The WHERE clause of a query and its parameters, in order. */
  private record Where(String sql, String tsquery, List<Object> params, List<Object> queryParams) {

    int bind(PreparedStatement s, int first) throws SQLException {
      int i = first;
      for (Object p : params) {
        s.setObject(i++, p);
      }
      return i;
    }

    void bindQuery(PreparedStatement s, int first) throws SQLException {
      int i = first;
      for (Object p : queryParams) {
        s.setObject(i++, p);
      }
    }
  }

  private static Where where(BenchQuery q) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    List<Object> queryParams = new ArrayList<>();
    String tsquery = null;
    if (!q.filterOnly()) {
      String text = SyntheticArchive.nfc(q.q().strip());
      if (q.kind() == BenchQuery.Kind.DOC_NUMBER) {
        tsquery = "phraseto_tsquery('simple', bench_unaccent(?))";
        clauses.add("(doc_number = ? OR tsv @@ " + tsquery + ")");
        params.add(VietnameseText.docNumber(text));
        params.add(text);
      } else if (text.startsWith("\"") && text.endsWith("\"")) {
        tsquery = "phraseto_tsquery('simple', bench_unaccent(?))";
        clauses.add("tsv @@ " + tsquery);
        params.add(text.substring(1, text.length() - 1));
      } else {
        tsquery = "plainto_tsquery('simple', bench_unaccent(?))";
        clauses.add("tsv @@ " + tsquery);
        params.add(text);
      }
      queryParams.add(params.get(params.size() - 1));
    }
    if (q.agencyCode() != null) {
      clauses.add("agency_path @> ARRAY[?]::text[]");
      params.add(q.agencyCode());
    }
    if (q.typeName() != null) {
      clauses.add("type_name = ?");
      params.add(q.typeName());
    }
    if (q.issuedFrom() != null) {
      clauses.add("issued_date >= ?");
      params.add(q.issuedFrom());
    }
    if (q.issuedTo() != null) {
      clauses.add("issued_date <= ?");
      params.add(q.issuedTo());
    }
    String sql = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    return new Where(sql, tsquery, params, queryParams);
  }

  @Override
  public String name() {
    return "PostgreSQL FTS (tsvector + GIN)";
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : all) {
      c.close();
    }
  }
}
