package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the metadata lives. {@code embedded: true} starts PostgreSQL from the data directory
 * (io.zonky); otherwise {@code url}, {@code user} and {@code password} name an external server.
 */
public record DatabaseConfig(
    boolean embedded, String url, String user, String password, int maxConnections) {

  @JsonCreator
  public DatabaseConfig(
      @JsonProperty("embedded") Boolean embedded,
      @JsonProperty("url") String url,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password,
      @JsonProperty("maxConnections") Integer maxConnections) {
    this(
        embedded == null ? url == null || url.isBlank() : embedded,
        blankToNull(url),
        blankToNull(user),
        password,
        maxConnections == null ? 16 : maxConnections);
  }

  public DatabaseConfig {
    if (!embedded && (url == null || !url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException(
          "database.url must be a jdbc:postgresql: URL when database.embedded is false");
    }
    if (maxConnections < 2 || maxConnections > 500) {
      throw new IllegalArgumentException("database.maxConnections must be between 2 and 500");
    }
  }

  public static DatabaseConfig embeddedDefault() {
    return new DatabaseConfig(true, null, null, null, 16);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
