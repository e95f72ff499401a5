package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.tangthu.archive.db.DatabaseLogin;

/**
 * Where the metadata lives. {@code embedded: true} starts PostgreSQL from the data directory
 * (io.zonky) with generated passwords; otherwise {@code url}, {@code user} and {@code password}
 * name an external server and the archive's runtime role, and {@code migrationUser} / {@code
 * migrationPassword} the role that owns the schema and applies the migrations at start-up (when
 * absent, the runtime role does, and a warning says it could disable the audit trail's triggers).
 */
public record DatabaseConfig(
    boolean embedded,
    String url,
    String user,
    String password,
    String migrationUser,
    String migrationPassword,
    int maxConnections) {

  @JsonCreator
  public DatabaseConfig(
      @JsonProperty("embedded") Boolean embedded,
      @JsonProperty("url") String url,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password,
      @JsonProperty("migrationUser") String migrationUser,
      @JsonProperty("migrationPassword") String migrationPassword,
      @JsonProperty("maxConnections") Integer maxConnections) {
    this(
        embedded == null ? url == null || url.isBlank() : embedded,
        blankToNull(url),
        blankToNull(user),
        password,
        blankToNull(migrationUser),
        migrationPassword,
        maxConnections == null ? 16 : maxConnections);
  }

  public DatabaseConfig {
    if (!embedded && (url == null || !url.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException(
          "database.url must be a jdbc:postgresql: URL when database.embedded is false");
    }
    if (!embedded && user == null) {
      throw new IllegalArgumentException(
          "database.user is required when database.embedded is false");
    }
    if (maxConnections < 2 || maxConnections > 500) {
      throw new IllegalArgumentException("database.maxConnections must be between 2 and 500");
    }
  }

  public static DatabaseConfig embeddedDefault() {
    return new DatabaseConfig(true, null, null, null, null, null, 16);
  }

  /** The external server's runtime login (the connection pool's). */
  public DatabaseLogin runtime() {
    return new DatabaseLogin(url, user, password);
  }

  /** The external server's migration login: the runtime one when no migration role is set. */
  public DatabaseLogin migration() {
    return migrationUser == null
        ? runtime()
        : new DatabaseLogin(url, migrationUser, migrationPassword);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[embedded="
        + embedded
        + ", url="
        + url
        + ", user="
        + user
        + ", migrationUser="
        + migrationUser
        + ", maxConnections="
        + maxConnections
        + "]";
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
