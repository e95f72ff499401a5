package vn.tangthu.archive.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.embedded.DataDirectory;

/**
 * Makes sure the built-in {@code admin} exists and holds the bootstrap token: {@code
 * ARCHIVE_ADMIN_TOKEN} when set, else one generated once and kept in {@code admin.token} in the
 * data directory.
 */
public final class AdminBootstrap {

  public static final String ADMIN = "admin";
  static final String TOKEN_FILE = "admin.token";

  private final Jdbi jdbi;
  private final Clock clock;

  public AdminBootstrap(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The outcome: the token, and whether it was generated now (and so must be printed once). */
  public record Result(String token, boolean generated) {}

  public Result ensure(String configuredToken, DataDirectory dataDir) throws IOException {
    boolean generated = false;
    String token = configuredToken;
    if (token == null) {
      var existing = dataDir.readSecret(TOKEN_FILE);
      if (existing.isPresent()) {
        token = existing.get();
      } else {
        token = Tokens.generate();
        dataDir.writeSecret(TOKEN_FILE, token);
        generated = true;
      }
    } else if (!Tokens.wellFormed(token)) {
      throw new IllegalArgumentException(
          "ARCHIVE_ADMIN_TOKEN must be 16 to 200 printable ASCII characters");
    }
    String chosen = token;
    jdbi.useTransaction(
        h -> {
          UserDao dao = h.attach(UserDao.class);
          long adminId =
              dao.findId(ADMIN)
                  .orElseGet(
                      () ->
                          dao.insert(
                              ADMIN,
                              "Quản trị hệ thống",
                              null,
                              new String[] {Role.ADMIN.name()},
                              clock.instant()));
          byte[] hash = Tokens.hash(chosen);
          if (dao.countTokens(hash) == 0) {
            dao.insertToken(UUID.randomUUID(), adminId, hash, clock.instant(), null);
          }
        });
    return new Result(chosen, generated);
  }
}
