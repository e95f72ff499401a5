package vn.tangthu.archive.embedded;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL run from the data directory (io.zonky binaries), kept across restarts. Started eagerly
 * so the connection pool can be built; stopped last, as a {@link Managed}.
 */
public final class EmbeddedDatabase implements Managed {

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts PostgreSQL on a free loopback port with its files under {@code directory}. */
  public static EmbeddedDatabase start(Path directory) throws IOException {
    Files.createDirectories(directory);
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
