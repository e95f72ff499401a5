package vn.tangthu.archive.embedded;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL run from the data directory (io.zonky binaries), kept across restarts. Started eagerly
 * so the connection pool can be built; stopped last, as a {@link Managed}. Start-up first stops a
 * PostgreSQL that a killed process left running on the directory (see {@link OrphanedPostgres}),
 * so a restart after kill -9 comes up at once.
 */
public final class EmbeddedDatabase implements Managed {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on a free loopback port with its files under {@code directory}, after
   * stopping one left running there. Call while holding the {@link DataDirectory} lock.
   *
   * @throws IllegalStateException when an orphaned PostgreSQL will not stop
   */
  public static EmbeddedDatabase start(Path directory) throws IOException {
    Files.createDirectories(directory);
    OrphanedPostgres.of(directory).stop();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .start();
    return new EmbeddedDatabase(pg);
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void stop() throws IOException {
    postgres.close();
  }
}
