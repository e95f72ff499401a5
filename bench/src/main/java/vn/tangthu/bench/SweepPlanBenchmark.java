package vn.tangthu.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.sweep.SweepPlanner;
import vn.tangthu.retention.sweep.SweepPlan;

/**
 * Sweep planning cost against archive size: the same 10,000 eligible records (in 2,000 dossiers of
 * five, 1% of them held) inside archives of two sizes, loaded with {@code COPY} into a fresh
 * embedded PostgreSQL with the archive's own schema; times {@link SweepPlanner#plan} (the SQL
 * through the partial index, and the retention rules) on each and prints both and their ratio.
 *
 * <p>Usage: {@code SweepPlanBenchmark <workDir> [bigRows=10000000] [smallRows=100000]
 * [eligible=10000]}; see {@code bench/sweep-plan.sh}.
 */
public final class SweepPlanBenchmark {

  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  private static final List<String> AGENCIES =
      List.of("PROV", "D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9");
  private static final int RUNS = 5;

  private SweepPlanBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long big = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    long small = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;
    int eligible = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    Result s = run(work.resolve("small"), small, eligible);
    Result b = run(work.resolve("big"), big, eligible);
    System.out.printf(
        "sweep planning, %d eligible: %,d rows %.1f ms (load %.0f s), %,d rows %.1f ms (load %.0f"
            + " s); ratio big/small %.2f%n",
        eligible,
        small,
        s.millis,
        s.loadSeconds,
        big,
        b.millis,
        b.loadSeconds,
        b.millis / s.millis);
  }

  /** Prints PostgreSQL's plan of the candidates query (set BENCH_EXPLAIN to see it). */
  private static void explain(Jdbi jdbi) {
    String sql =
        vn.tangthu.archive.sweep.SweepDao.CANDIDATES
            .replace("<agencies>", "'" + String.join("','", AGENCIES) + "'")
            .replace(":asOf", "DATE '" + AS_OF + "'");
    jdbi.useTransaction(
        h -> {
          h.execute("SET LOCAL enable_seqscan = off");
          h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)
              .mapTo(String.class)
              .forEach(System.out::println);
        });
  }

  private record Result(double millis, double loadSeconds, int items) {}

  private static Result run(Path dir, long rows, int eligible) throws Exception {
    DataDirectory data = DataDirectory.acquire(dir);
    EmbeddedDatabase db = EmbeddedDatabase.start(data);
    try {
      // The owner: the load drops and restores constraints.
      Jdbi jdbi = db.owner().jdbi();
      jdbi.installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
      jdbi.installPlugin(new org.jdbi.v3.postgres.PostgresPlugin());
      SchemaSetup.prepare(db.owner(), db.app().user());
      long t0 = System.nanoTime();
      load(jdbi, rows, eligible);
      double load = (System.nanoTime() - t0) / 1e9;
      SweepPlanner planner = new SweepPlanner(jdbi);
      SweepPlan plan = planner.plan(AGENCIES, AS_OF); // warm-up
      double[] times = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        plan = planner.plan(AGENCIES, AS_OF);
        times[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(times);
      if (System.getenv("BENCH_EXPLAIN") != null) {
        explain(jdbi);
      }
      double median = times[RUNS / 2];
      System.out.printf(
          "%,d rows: plan %d items, %d excluded; median of %d runs %.1f ms (all %s)%n",
          rows, plan.items().size(), plan.excluded().size(), RUNS, median, Arrays.toString(times));
      return new Result(median, load, plan.items().size());
    } finally {
      db.stop();
      data.close();
    }
  }

  /**
   * Rows {@code 0 .. eligible-1} are eligible (dossiers of five); every other row is one of: a
   * future eligibility date, PERMANENT, UNSCHEDULED or already DISPOSED, some in dossiers of their
   * own. Ids are time-ordered like the archive's UUIDv7.
   */
  private static void load(Jdbi jdbi, long rows, int eligible) throws Exception {
    insertAgencies(jdbi);
    // Secondary indexes and the unique and foreign-key constraints are dropped for the load and
    // put back afterwards with the same definitions (the same final state, built and validated in
    // bulk instead of row by row).
    RecordsConstraints constraints = RecordsConstraints.read(jdbi);
    constraints.drop(jdbi);
    try (Connection c = jdbi.open().getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "COPY records (id, agency_code, subject, file_code, language, access_level, sha256,"
              + " size, content_type, object_key, created_at, created_by, status,"
              + " retention_state, retention_series, retention_period, retention_action,"
              + " eligible_on) FROM STDIN",
          new RowReader(rows, eligible));
    }
    constraints.restore(jdbi);
    holdAndAnalyze(jdbi, eligible);
  }

  private static void insertAgencies(Jdbi jdbi) {
    jdbi.useHandle(
        h -> {
          for (String a : AGENCIES) {
            h.execute(
                "INSERT INTO agencies (code, name, parent_code, created_at) VALUES (?, ?, ?,"
                    + " now())",
                a,
                "Agency " + a,
                a.equals("PROV") ? null : "PROV");
          }
        });
  }

  /** Puts every hundredth eligible record on hold, then refreshes the planner's statistics. */
  private static void holdAndAnalyze(Jdbi jdbi, int eligible) {
    jdbi.useHandle(
        h -> {
          UUID hold = UUID.randomUUID();
          h.execute(
              "INSERT INTO holds (id, name, reason, authority, placed_by, placed_at,"
                  + " record_count) VALUES (?, 'bench', 'bench', 'bench', 'bench', now(), 0)",
              hold);
          List<UUID> held = new ArrayList<>();
          for (int i = 0; i < eligible; i += 100) {
            held.add(id(i));
          }
          for (UUID r : held) {
            h.execute("INSERT INTO hold_records (hold_id, record_id) VALUES (?, ?)", hold, r);
          }
          h.execute("VACUUM ANALYZE records");
          h.execute("VACUUM ANALYZE hold_records");
        });
  }

  /**
   * The secondary indexes of {@code records}, its unique and foreign-key constraints, and the
   * foreign keys of other tables that reference it, as PostgreSQL defines them.
   */
  private record RecordsConstraints(
      List<String> indexes,
      List<String> indexNames,
      List<String[]> constraints,
      List<String[]> referencing) {

    static RecordsConstraints read(Jdbi jdbi) {
      return jdbi.withHandle(
          h ->
              new RecordsConstraints(
                  h.createQuery(
                          "SELECT indexdef FROM pg_indexes WHERE tablename = 'records' AND"
                              + " indexname NOT IN (SELECT conname FROM pg_constraint)")
                      .mapTo(String.class)
                      .list(),
                  h.createQuery(
                          "SELECT indexname FROM pg_indexes WHERE tablename = 'records' AND"
                              + " indexname NOT IN (SELECT conname FROM pg_constraint)")
                      .mapTo(String.class)
                      .list(),
                  h.createQuery(
                          "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE"
                              + " conrelid = 'records'::regclass AND contype IN ('u', 'f')"
                              + " ORDER BY contype DESC")
                      .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                      .list(),
                  h.createQuery(
                          "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                              + " FROM pg_constraint WHERE confrelid = 'records'::regclass AND"
                              + " conrelid <> 'records'::regclass")
                      .map(
                          (rs, ctx) ->
                              new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                      .list()));
    }

    void drop(Jdbi jdbi) {
      jdbi.useHandle(
          h -> {
            for (String[] r : referencing) {
              h.execute("ALTER TABLE " + r[0] + " DROP CONSTRAINT " + r[1]);
            }
            for (String[] c : constraints) {
              h.execute("ALTER TABLE records DROP CONSTRAINT " + c[0]);
            }
            for (String n : indexNames) {
              h.execute("DROP INDEX " + n);
            }
          });
    }

    void restore(Jdbi jdbi) {
      jdbi.useHandle(
          h -> {
            h.execute("SET maintenance_work_mem = '1GB'");
            for (String def : indexes) {
              h.execute(def);
            }
            for (int i = constraints.size() - 1; i >= 0; i--) {
              String[] c = constraints.get(i);
              h.execute("ALTER TABLE records ADD CONSTRAINT " + c[0] + " " + c[1]);
            }
            for (String[] r : referencing) {
              h.execute("ALTER TABLE " + r[0] + " ADD CONSTRAINT " + r[1] + " " + r[2]);
            }
          });
    }
  }

  static UUID id(long n) {
    return new UUID(0x0190_0000_0000_7000L | (n << 16), 0x8000_0000_0000_0000L | n);
  }

  /** Generates the COPY text lazily, row by row. */
  private static final class RowReader extends Reader {
    private final long rows;
    private final int eligible;
    private final String sha = "ab".repeat(32);
    private long next;
    private String line = "";
    private int pos;

    RowReader(long rows, int eligible) {
      this.rows = rows;
      this.eligible = eligible;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      int n = 0;
      while (n < len) {
        if (pos == line.length()) {
          if (next == rows) {
            return n == 0 ? -1 : n;
          }
          line = row(next++);
          pos = 0;
        }
        int k = Math.min(len - n, line.length() - pos);
        line.getChars(pos, pos + k, buf, off + n);
        pos += k;
        n += k;
      }
      return n;
    }

    private String row(long i) {
      UUID id = id(i);
      String agency = "D" + (i % 10);
      String fileCode = "\\N";
      String status = "ACTIVE";
      String state = "SCHEDULED";
      String series = "S10";
      String period = "10y";
      String action = "DESTROY";
      String eligibleOn = "2040-01-01";
      if (i < eligible) {
        fileCode = "HS-" + (i / 5);
        eligibleOn = "2021-01-01";
      } else {
        switch ((int) (i % 4)) {
          case 0 -> fileCode = "HS-X-" + (i / 5);
          case 1 -> {
            state = "PERMANENT";
            period = "PERMANENT";
            action = "TRANSFER";
            eligibleOn = "\\N";
          }
          case 2 -> {
            state = "UNSCHEDULED";
            series = "\\N";
            period = "\\N";
            action = "\\N";
            eligibleOn = "\\N";
          }
          default -> {
            status = "DISPOSED";
            eligibleOn = "2020-01-01";
          }
        }
      }
      return id
          + "\t"
          + agency
          + "\tVăn bản "
          + i
          + "\t"
          + fileCode
          + "\tvi\tINTERNAL\t"
          + sha
          + "\t1000\ttext/plain\toriginals/"
          + id
          + "\t2010-01-01 00:00:00+00\tbench\t"
          + status
          + "\t"
          + state
          + "\t"
          + series
          + "\t"
          + period
          + "\t"
          + action
          + "\t"
          + eligibleOn
          + "\n";
    }

    @Override
    public void close() throws IOException {}
  }
}
