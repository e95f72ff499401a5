package vn.tangthu.archive.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import vn.tangthu.archive.embedded.EmbeddedDatabase;

/**
 * Privileged sign-ins to the embedded PostgreSQL of a data directory while it runs, with the
 * passwords kept in the directory and the port from {@code pg/postmaster.pid}: for tests that
 * tamper with the data on purpose, as an attacker holding those credentials could. The archive
 * itself never signs in this way after start-up.
 */
public final class DatabaseAdmin {

  private DatabaseAdmin() {}

  /** The cluster's superuser (may set {@code session_replication_role}). */
  public static Jdbi superuser(Path dataDir) throws IOException {
    return login(dataDir, EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.SUPERUSER_PASSWORD);
  }

  /** The role that owns the schema (may alter its tables and disable their triggers). */
  public static Jdbi owner(Path dataDir) throws IOException {
    return login(dataDir, EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
  }

  /** The URL of the running embedded PostgreSQL, without credentials. */
  public static String url(Path dataDir) throws IOException {
    List<String> pid = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
    return "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/" + EmbeddedDatabase.DATABASE;
  }

  private static Jdbi login(Path dataDir, String user, String passwordFile) throws IOException {
    String password = Files.readString(dataDir.resolve(passwordFile)).strip();
    return Jdbi.create(url(dataDir), user, password).installPlugin(new PostgresPlugin());
  }
}
