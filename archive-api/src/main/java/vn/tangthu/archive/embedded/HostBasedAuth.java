package vn.tangthu.archive.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded cluster's {@code pg_hba.conf}: SCRAM-SHA-256 for every connection, local or over
 * loopback TCP, to every database (replication included), so no role signs in without its password.
 * Written atomically; PostgreSQL reads it at start and on reload.
 */
final class HostBasedAuth {

  static final String FILE = "pg_hba.conf";

  static final String CONTENT =
      """
      # Written by Tàng Thư: every connection needs its role's password (SCRAM-SHA-256).
      # TYPE  DATABASE     USER  ADDRESS       METHOD
      local   all          all                 scram-sha-256
      host    all          all   127.0.0.1/32  scram-sha-256
      host    all          all   ::1/128       scram-sha-256
      local   replication  all                 scram-sha-256
      host    replication  all   127.0.0.1/32  scram-sha-256
      host    replication  all   ::1/128       scram-sha-256
      """;

  private HostBasedAuth() {}

  /** Whether the file is already this one (the cluster was secured by an earlier start). */
  static boolean asksPasswords(Path pgDir) throws IOException {
    Path file = pgDir.resolve(FILE);
    return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT);
  }

  /**
   * Makes the file say {@link #CONTENT}.
   *
   * @return whether it changed (the server must reload its configuration)
   */
  static boolean requirePasswords(Path pgDir) throws IOException {
    if (asksPasswords(pgDir)) {
      return false;
    }
    Path file = pgDir.resolve(FILE);
    Path tmp = pgDir.resolve(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, CONTENT, StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
