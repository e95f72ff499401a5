package vn.tangthu.archive.config;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file, or, for the name {@link #EMBEDDED}, the configuration bundled in the
 * jar (the embedded default started by {@code server} without a file).
 */
public final class FileOrResourceSourceProvider implements ConfigurationSourceProvider {

  public static final String EMBEDDED = "embedded.yml";

  @Override
  public InputStream open(String path) throws IOException {
    Path file = Path.of(path);
    if (Files.exists(file)) {
      return Files.newInputStream(file);
    }
    if (EMBEDDED.equals(path)) {
      InputStream in = getClass().getResourceAsStream("/" + EMBEDDED);
      if (in != null) {
        return in;
      }
    }
    throw new IOException("Configuration file not found: " + path);
  }
}
