package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes unsynced, journaled writes durable in place. On Linux one {@code syncfs(2)} of the data
 * directory's file system ({@code sync -f}) covers them all; elsewhere (or if that fails) every
 * file and directory written since the last checkpoint is fsynced. Thread-safe.
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private final Path dataDir;
  private final Set<Path> written = ConcurrentHashMap.newKeySet();
  private volatile boolean syncfs = true;

  Checkpoints(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Records a file or directory written without fsync. */
  void track(Path p) {
    written.add(p);
  }

  /** Makes every tracked write durable; callers ensure no tracked write is still in progress. */
  void syncAll() throws IOException {
    List<Path> batch = new ArrayList<>(written);
    if (!(syncfs && syncFileSystem())) {
      for (Path p : batch) {
        fsync(p);
      }
    }
    batch.forEach(written::remove);
  }

  private boolean syncFileSystem() {
    try {
      Process p =
          new ProcessBuilder("sync", "-f", dataDir.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return true;
      }
      p.destroyForcibly();
    } catch (IOException e) {
      LOG.debug("sync -f unavailable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    LOG.warn("sync -f failed; checkpoints fsync each file instead");
    syncfs = false;
    return false;
  }

  private static void fsync(Path p) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            p, Files.isDirectory(p) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (NoSuchFileException e) {
      // replaced or deleted since: nothing to make durable
    }
  }
}
