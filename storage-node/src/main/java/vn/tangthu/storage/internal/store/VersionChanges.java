package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Changes to existing versions: deletes (of a version, or a delete marker) and retention or legal
 * hold changes, each under the key's lock and after the journal fence, refusing what Object Lock
 * protects. Thread-safe.
 */
final class VersionChanges {
  private static final Logger LOG = LoggerFactory.getLogger(VersionChanges.class);

  private final DiskStore store;

  VersionChanges(DiskStore store) {
    this.store = store;
  }

  /**
   * Deletes a key (no version id: removes the null version or adds a delete marker) or one version.
   *
   * @throws S3Exception AccessDenied when Object Lock protects the version
   */
  DeleteResult delete(BucketMeta bucket, String key, String versionId, boolean bypassGovernance)
      throws IOException {
    if (versionId != null) {
      DiskStore.checkId(versionId, "version id");
    }
    Path node = store.nodeDir(bucket.name(), key);
    ReentrantLock lock = store.lockFor(bucket.name(), key);
    lock.lock();
    try {
      store.fence();
      List<ObjectMeta> versions = store.readVersions(node);
      if (versionId == null && bucket.versioned()) {
        String markerId =
            bucket.versioningEnabled() ? DiskStore.newVersionId() : ObjectMeta.NULL_VERSION;
        ObjectMeta replaced = store.replaceableNull(versions, markerId);
        ObjectMeta marker =
            new ObjectMeta(
                key,
                markerId,
                store.nextSeq(),
                true,
                0,
                null,
                null,
                null,
                store.clock().instant().truncatedTo(ChronoUnit.MILLIS),
                java.util.Map.of(),
                null,
                LockState.NONE,
                java.util.Map.of(),
                null,
                null,
                null);
        Durable.createDirectories(node);
        store.writeMeta(node, marker);
        if (replaced != null && replaced.dataFile() != null) {
          Files.deleteIfExists(node.resolve(replaced.dataFile()));
        }
        return new DeleteResult(markerId, true);
      }
      String target = versionId == null ? ObjectMeta.NULL_VERSION : versionId;
      ObjectMeta v =
          versions.stream().filter(m -> m.versionId().equals(target)).findFirst().orElse(null);
      if (v == null) {
        return new DeleteResult(versionId, false);
      }
      checkDeletable(v, bypassGovernance);
      Files.delete(node.resolve(v.versionId() + DiskStore.META_SUFFIX));
      Durable.fsyncDir(node);
      if (v.dataFile() != null) {
        Files.deleteIfExists(node.resolve(v.dataFile()));
      }
      if (versions.size() == 1) {
        removeEmptyDirs(node, store.objectsDir(bucket.name()));
      }
      return new DeleteResult(versionId, v.deleteMarker());
    } finally {
      lock.unlock();
    }
  }

  private void checkDeletable(ObjectMeta v, boolean bypassGovernance) {
    LockState l = v.lock();
    if (l.legalHold()) {
      throw S3Exception.accessDenied("Object is under legal hold and cannot be deleted");
    }
    if (l.retainedAt(store.clock().instant())
        && (l.mode().equals("COMPLIANCE") || !bypassGovernance)) {
      throw S3Exception.accessDenied(
          "Object is WORM protected (" + l.mode() + " until " + l.retainUntil() + ")");
    }
  }

  private static void removeEmptyDirs(Path dir, Path stop) {
    for (Path p = dir; p != null && !p.equals(stop) && p.startsWith(stop); p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      } catch (IOException e) {
        LOG.warn("could not remove {}", p, e);
        return;
      }
    }
  }

  /**
   * Changes the lock state of a version under the key's lock.
   *
   * @param change computes the new state from the version (throws to refuse)
   */
  ObjectMeta updateLock(
      BucketMeta bucket,
      String key,
      String versionId,
      java.util.function.UnaryOperator<ObjectMeta> change)
      throws IOException {
    Path node = store.nodeDir(bucket.name(), key);
    ReentrantLock lock = store.lockFor(bucket.name(), key);
    lock.lock();
    try {
      List<ObjectMeta> versions = store.readVersions(node);
      ObjectMeta v;
      if (versionId == null) {
        if (versions.isEmpty() || versions.get(0).deleteMarker()) {
          throw S3Exception.noSuchKey();
        }
        v = versions.get(0);
      } else {
        DiskStore.checkId(versionId, "version id");
        v =
            versions.stream()
                .filter(m -> m.versionId().equals(versionId))
                .findFirst()
                .orElseThrow(S3Exception::noSuchVersion);
      }
      if (v.deleteMarker()) {
        throw new S3Exception(
            405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
      }
      ObjectMeta updated = change.apply(v);
      store.fence();
      store.writeMeta(node, updated);
      return updated;
    } finally {
      lock.unlock();
    }
  }
}
