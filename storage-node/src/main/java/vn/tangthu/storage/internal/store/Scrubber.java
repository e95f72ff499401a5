package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Verifies every stored object version against the SHA-256 recorded at write. Works directly on a
 * data directory (no running node needed; safe to run beside one, it only reads).
 */
public final class Scrubber {
  private final Path dataDir;

  public Scrubber(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Outcome of a scrub: problems as {@code bucket/key (versionId)} strings. */
  public record Report(long versions, long bytes, List<String> corrupt, List<String> missing) {
    public Report {
      corrupt = List.copyOf(corrupt);
      missing = List.copyOf(missing);
    }

    public boolean clean() {
      return corrupt.isEmpty() && missing.isEmpty();
    }
  }

  /** Scrubs every bucket; {@code log} receives one line per problem found. */
  public Report scrub(Consumer<String> log) throws IOException {
    DiskStore store = new ReadOnly(dataDir).store;
    long versions = 0;
    long bytes = 0;
    List<String> corrupt = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Path buckets = dataDir.resolve("buckets");
    if (!Files.isDirectory(buckets)) {
      return new Report(0, 0, corrupt, missing);
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(buckets)) {
      for (Path b : ds) {
        String bucket = b.getFileName().toString();
        KeyWalker w = new KeyWalker(b.resolve("objects"), new byte[0], null);
        for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
          for (ObjectMeta m : store.readVersions(n.dir())) {
            if (m.deleteMarker()) {
              continue;
            }
            versions++;
            String name = bucket + "/" + m.key() + " (" + m.versionId() + ")";
            try {
              String problem = check(n.dir().resolve(m.dataFile()), m);
              bytes += m.size();
              if (problem != null) {
                corrupt.add(name);
                log.accept("CORRUPT " + name + ": " + problem);
              }
            } catch (NoSuchFileException e) {
              missing.add(name);
              log.accept("MISSING " + name + ": data file " + m.dataFile() + " not found");
            }
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Report(versions, bytes, corrupt, missing);
  }

  /**
   * Re-hashes a version's data file: the SHA-256 of the whole, or of each part for a version
   * completed from a multipart upload (it records each part's); null when every hash matches.
   */
  static String check(Path file, ObjectMeta m) throws IOException {
    byte[] buf = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      if (m.sha256() != null || m.parts().isEmpty()) {
        String actual = sha256(in, Long.MAX_VALUE, buf);
        boolean ok = actual.equals(m.sha256()) && Files.size(file) == m.size();
        return ok ? null : "sha256 " + actual + " != recorded " + m.sha256();
      }
      for (int i = 0; i < m.parts().size(); i++) {
        PartInfo p = m.parts().get(i);
        String actual = sha256(in, p.size(), buf);
        if (!actual.equals(p.sha256())) {
          return "part " + (i + 1) + " sha256 " + actual + " != recorded " + p.sha256();
        }
      }
      return in.read() < 0 ? null : "longer than its parts";
    }
  }

  private static String sha256(InputStream in, long limit, byte[] buf) throws IOException {
    MessageDigest d = Digests.newDigest("SHA-256");
    long left = limit;
    int n;
    while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
      d.update(buf, 0, n);
      left -= n;
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** Reads sidecars without touching the data directory (no tmp cleanup). */
  private static final class ReadOnly {
    final DiskStore store;

    ReadOnly(Path dataDir) throws IOException {
      this.store = DiskStore.readOnly(dataDir, Clock.systemUTC());
    }
  }
}
