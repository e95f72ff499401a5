package vn.tangthu.archive.db;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * How to sign in to PostgreSQL as one role. {@link #toString()} never shows the password.
 *
 * @param url a {@code jdbc:postgresql:} URL without credentials
 * @param user the role
 * @param password its password (null when the server does not ask for one)
 */
public record DatabaseLogin(String url, String user, String password) {

  public DatabaseLogin {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
  }

  /** A Jdbi that opens a new connection per handle (no pool): for set-up and short commands. */
  public Jdbi jdbi() {
    return Jdbi.create(url, user, password);
  }

  @Override
  public String toString() {
    return user + "@" + url;
  }
}
