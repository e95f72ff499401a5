package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts journaled versions in place: after their group commit (data file and sidecar written without
 * fsync, tracked for the next checkpoint) and at start, when the journal's records are written
 * again. Thread-safe; callers hold the key's lock.
 */
final class Materializer {
  private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);

  private final DiskStore store;
  private final Checkpoints checkpoints;

  /** Names of this process's temporary sidecars: unique without a SecureRandom call each. */
  private final String tmpPrefix = "s-" + UUID.randomUUID() + "-";

  private final AtomicLong tmpNames = new AtomicLong();

  Materializer(DiskStore store, Checkpoints checkpoints) {
    this.store = store;
    this.checkpoints = checkpoints;
  }

  /** Materializes again what the journal holds (lost if the node crashed before a checkpoint). */
  void replay(Path journalFile) throws IOException {
    List<JournalRecord> records = Journal.read(journalFile);
    if (records.isEmpty()) {
      return;
    }
    for (JournalRecord r : records) {
      if (Files.isDirectory(store.objectsDir(r.bucket()))) {
        materialize(r, null, false);
      }
    }
    checkpoints.syncAll();
    LOG.info("replayed {} journaled writes", records.size());
  }

  /**
   * Writes a journaled version in place without fsync (the journal holds it durably until the next
   * checkpoint).
   *
   * @param staged the staged data file to move in, or null to write the journaled bytes
   */
  void materialize(JournalRecord r, Path staged, boolean nodeExists) throws IOException {
    Path node = store.nodeDir(r.bucket(), r.key());
    Path data = node.resolve(r.dataFile());
    for (int attempt = 0; ; attempt++) {
      try {
        if (attempt > 0 || !nodeExists) {
          createDirectoriesTracked(node);
        }
        if (staged != null) {
          Files.move(staged, data, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.write(data, r.data());
        }
        break;
      } catch (NoSuchFileException e) {
        if (attempt >= 10 || (staged != null && !Files.exists(staged))) {
          throw e;
        }
      }
    }
    Path sidecarTmp = store.tmpDir().resolve(tmpPrefix + tmpNames.incrementAndGet());
    Files.write(sidecarTmp, r.sidecar());
    Path sidecar = node.resolve(r.versionId() + DiskStore.META_SUFFIX);
    Files.move(sidecarTmp, sidecar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    if (r.replacedDataFile() != null && !r.replacedDataFile().equals(r.dataFile())) {
      Files.deleteIfExists(node.resolve(r.replacedDataFile()));
    }
    checkpoints.track(data);
    checkpoints.track(sidecar);
    checkpoints.track(node);
  }

  private void createDirectoriesTracked(Path dir) throws IOException {
    try {
      // the common case (a new key under an existing prefix) costs one mkdir and no exception
      Files.createDirectory(dir);
      checkpoints.track(dir.getParent());
      return;
    } catch (java.nio.file.FileAlreadyExistsException | NoSuchFileException e) {
      // exists already, or a parent is missing: the general path below
    }
    java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      try {
        Files.createDirectory(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
      }
      checkpoints.track(p.getParent());
    }
  }
}
