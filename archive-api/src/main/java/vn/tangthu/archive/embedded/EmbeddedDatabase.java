package vn.tangthu.archive.embedded;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.db.DatabaseLogin;

/**
 * PostgreSQL run from the data directory ({@code pg/}, io.zonky binaries), kept across restarts.
 * Started eagerly so the connection pool can be built. In a server it is stopped last, as a {@link
 * Managed}, after everything that writes to it (the audit trail's last reads included); started
 * otherwise (a command, a start that failed, a test), it is stopped at {@link #stop()} or when the
 * JVM exits.
 *
 * <p>Start-up first stops a PostgreSQL that a killed process left running on the directory (see
 * {@link OrphanedPostgres}), so a restart after kill -9 comes up at once.
 *
 * <p>Every connection needs a password (SCRAM-SHA-256, TCP on 127.0.0.1 only, no Unix socket). The
 * passwords are generated once with {@link java.security.SecureRandom} and kept in the data
 * directory, readable by its owner only: {@value #SUPERUSER_PASSWORD} for the superuser {@value
 * #SUPERUSER} (set-up only), {@value #OWNER_PASSWORD} for {@value #OWNER}, which owns the schema
 * and runs the migrations, and {@value #APP_PASSWORD} for {@value #APP}, the archive's runtime
 * role, which owns nothing. A cluster made by an earlier version (trust authentication, tables
 * owned by the superuser) is brought to this state on its next start.
 */
public final class EmbeddedDatabase implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  public static final String DATABASE = "postgres";
  public static final String SUPERUSER = "postgres";
  public static final String OWNER = "tangthu_owner";
  public static final String APP = "tangthu_app";
  public static final String SUPERUSER_PASSWORD = "postgres-superuser.password";
  public static final String OWNER_PASSWORD = "postgres-owner.password";
  public static final String APP_PASSWORD = "postgres-app.password";
  private static final int PASSWORD_BYTES = 32;

  private final EmbeddedPostgres postgres;
  private final AtomicBoolean managed = new AtomicBoolean();
  private final Thread exitHook = new Thread(this::stopUnlessManaged, "embedded-postgres-exit");
  private final DatabaseLogin superuser;
  private final DatabaseLogin owner;
  private final DatabaseLogin app;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, DatabaseLogin superuser, DatabaseLogin owner, DatabaseLogin app) {
    this.postgres = postgres;
    this.superuser = superuser;
    this.owner = owner;
    this.app = app;
  }

  /**
   * Starts PostgreSQL on a free loopback port with its files under {@code dir.postgres()}, after
   * stopping one left running there; creates or upgrades the cluster's roles and authentication.
   *
   * @throws IllegalStateException when an orphaned PostgreSQL will not stop, or the cluster refuses
   *     the superuser's password kept in the data directory
   */
  public static EmbeddedDatabase start(DataDirectory dir) throws IOException {
    Path pg = dir.postgres();
    Files.createDirectories(pg);
    boolean fresh = !Files.exists(pg.resolve("postgresql.conf"));
    if (!fresh && HostBasedAuth.asksPasswords(pg) && dir.readSecret(SUPERUSER_PASSWORD).isEmpty()) {
      throw new IllegalStateException(
          "The embedded PostgreSQL in "
              + pg
              + " asks for passwords, but "
              + dir.resolve(SUPERUSER_PASSWORD)
              + " is missing: restore it (and the other postgres-*.password files) from the"
              + " backup of the data directory");
    }
    String superPassword = password(dir, SUPERUSER_PASSWORD);
    String ownerPassword = password(dir, OWNER_PASSWORD);
    String appPassword = password(dir, APP_PASSWORD);
    OptionalLong stopped = OrphanedPostgres.of(pg).stop();
    EmbeddedPostgres postgres =
        builder(pg, superPassword, fresh ? dir.resolve(SUPERUSER_PASSWORD) : null).start();
    String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    EmbeddedDatabase db =
        new EmbeddedDatabase(
            postgres,
            new DatabaseLogin(url, SUPERUSER, superPassword),
            new DatabaseLogin(url, OWNER, ownerPassword),
            new DatabaseLogin(url, APP, appPassword));
    Runtime.getRuntime().addShutdownHook(db.exitHook);
    try {
      new EmbeddedRoles(db.superuser, db.owner, db.app).apply(pg);
    } catch (SQLException | IOException | RuntimeException e) {
      db.stop();
      throw new IllegalStateException(
          "Cannot secure the embedded PostgreSQL in "
              + pg
              + " (is "
              + dir.resolve(SUPERUSER_PASSWORD)
              + " the password it was created with?): "
              + e.getMessage(),
          e);
    }
    if (stopped.isPresent()) {
      LOG.warn("PostgreSQL is up again on {} after stopping {}", pg, stopped.getAsLong());
    }
    return db;
  }

  /**
   * PostgreSQL on a free loopback port, TCP only; {@code pwfile} for a cluster still to be created
   * (initdb then sets the superuser's password and SCRAM for every connection from the start).
   */
  private static EmbeddedPostgres.Builder builder(Path pg, String superPassword, Path pwfile) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pg)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            // Our own hook (or the server's lifecycle) stops it, in order; io.zonky's would race
            // the server's shutdown and stop the database under requests still being served.
            .setRegisterShutdownHook(false)
            .setConnectConfig("password", superPassword)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", "''")
            .setServerConfig("password_encryption", "scram-sha-256")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100");
    if (pwfile != null) {
      builder
          .setLocaleConfig("auth", "scram-sha-256")
          .setLocaleConfig("pwfile", pwfile.toString())
          .setDataDirectoryCustomizer(EmbeddedDatabase::requirePasswords);
    }
    return builder;
  }

  private static void requirePasswords(java.io.File pgDir) {
    try {
      HostBasedAuth.requirePasswords(pgDir.toPath());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String password(DataDirectory dir, String name) throws IOException {
    String value = dir.secret(name, PASSWORD_BYTES);
    dir.restrictToOwner(name);
    return value;
  }

  /** The URL of the database, without credentials. */
  public String jdbcUrl() {
    return app.url();
  }

  public int port() {
    return postgres.getPort();
  }

  /** The archive's runtime role: data access only, owns nothing. */
  public DatabaseLogin app() {
    return app;
  }

  /** The role that owns the schema and applies migrations. */
  public DatabaseLogin owner() {
    return owner;
  }

  /** The cluster's superuser: for set-up, and for tests that tamper with data on purpose. */
  public DatabaseLogin superuser() {
    return superuser;
  }

  /** Called by the server's lifecycle: from now on it also stops the database, in order. */
  @Override
  public void start() {
    managed.set(true);
  }

  @Override
  public void stop() throws IOException {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs, or already has
    }
    postgres.close();
  }

  private void stopUnlessManaged() {
    if (!managed.get()) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.error("Cannot stop the embedded PostgreSQL", e);
      }
    }
  }
}
