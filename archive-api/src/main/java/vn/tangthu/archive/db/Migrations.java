package vn.tangthu.archive.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the plain SQL files listed in {@code db/migration/migrations.txt}, in order, each in its
 * own transaction, under an advisory lock so that several nodes starting together apply each file
 * once. A file already applied whose content changed stops the start-up: the schema's history is
 * not rewritten.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String BASE = "/db/migration/";
  static final long LOCK_KEY = 0x7461_6e67_7468_7531L;

  private final Jdbi jdbi;

  public Migrations(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Brings the schema up to date; returns the number of files applied now. */
  public int migrate() {
    List<String> files = list();
    return jdbi.withHandle(
        h -> {
          h.execute("SELECT pg_advisory_lock(?)", LOCK_KEY);
          try {
            return applyMissing(h, files);
          } finally {
            h.execute("SELECT pg_advisory_unlock(?)", LOCK_KEY);
          }
        });
  }

  private int applyMissing(Handle h, List<String> files) {
    h.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY,"
            + " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    Map<String, String> applied =
        h.createQuery("SELECT version, checksum FROM schema_migrations")
            .setMapKeyColumn("version")
            .setMapValueColumn("checksum")
            .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {});
    int count = 0;
    for (String file : files) {
      String sql = read(file);
      String checksum = sha256(sql);
      String known = applied.get(file);
      if (known != null) {
        if (!known.equals(checksum)) {
          throw new IllegalStateException(
              "Migration " + file + " was changed after it was applied; add a new file instead");
        }
        continue;
      }
      h.useTransaction(
          t -> {
            t.createScript(sql).execute();
            t.execute(
                "INSERT INTO schema_migrations (version, checksum) VALUES (?, ?)", file, checksum);
          });
      LOG.info("Applied migration {}", file);
      count++;
    }
    return count;
  }

  static List<String> list() {
    String index = read("migrations.txt");
    List<String> files = new ArrayList<>();
    for (String line : index.lines().map(String::strip).collect(Collectors.toList())) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        files.add(line);
      }
    }
    return files;
  }

  private static String read(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + BASE + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read migration " + name, e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
