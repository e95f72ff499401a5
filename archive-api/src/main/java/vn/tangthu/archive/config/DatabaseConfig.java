package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.tangthu.archive.db.DatabaseLogin;

/**
 * Where the metadata lives ({@code database:}). {@code embedded: true} starts PostgreSQL from the
 * data directory (io.zonky) with generated passwords; otherwise {@code url}, {@code user} and
 * {@code password} name an external server and the archive's runtime role, and {@code
 * migrationUser} / {@code migrationPassword} the role that owns the schema and applies the
 * migrations at start-up (when absent, the runtime role does, and a warning says it could disable
 * the audit trail's triggers). Absent values take their defaults ({@code embedded}: whether no
 * {@code url} is given; {@code maxConnections}: 16); bounds are checked at start-up.
 */
public record DatabaseConfig(
    @NotNull Boolean embedded,
    String url,
    String user,
    String password,
    String migrationUser,
    String migrationPassword,
    @NotNull @Min(2) @Max(500) Integer maxConnections) {

  public DatabaseConfig {
    url = Absent.or(url, null);
    user = Absent.or(user, null);
    migrationUser = Absent.or(migrationUser, null);
    embedded = Absent.or(embedded, url == null);
    maxConnections = Absent.or(maxConnections, 16);
  }

  /** Every value at its default: the embedded PostgreSQL. */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(null, null, null, null, null, null, null);
  }

  /** An external server needs a PostgreSQL JDBC URL. */
  @JsonIgnore
  @ValidationMethod(
      message = "database.url must be a jdbc:postgresql: URL when database.embedded is false")
  public boolean isUrlGiven() {
    return embedded || url != null && url.startsWith("jdbc:postgresql:");
  }

  /** An external server needs the runtime role. */
  @JsonIgnore
  @ValidationMethod(message = "database.user is required when database.embedded is false")
  public boolean isUserGiven() {
    return embedded || user != null;
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
}
