package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Commits new versions: small ones through the group-commit journal, larger ones with fsynced file,
 * atomic rename and fsynced directory; applies the bucket's default retention and refuses to
 * replace a protected null version. Thread-safe: writes to one key hold its lock.
 */
final class VersionWriter {
  private final DiskStore store;
  private final GroupCommit commits;
  private final Materializer materializer;

  /**
   * @param commits the group committer, or null for a read-only store
   */
  VersionWriter(DiskStore store, GroupCommit commits, Materializer materializer) {
    this.store = store;
    this.commits = commits;
    this.materializer = materializer;
  }

  /**
   * Commits a staged blob as the new current version of {@code key}; the blob's file is consumed.
   * Returns only once the version is durable.
   */
  ObjectMeta put(
      BucketMeta bucket, String key, StagedBlob blob, NewObject attrs, Precondition condition)
      throws IOException {
    Path node = store.nodeDir(bucket.name(), key);
    LockState lockState = effectiveLock(bucket, attrs);
    ReentrantLock lock = store.lockFor(bucket.name(), key);
    lock.lock();
    try {
      List<ObjectMeta> versions = store.readVersions(node);
      ObjectMeta current =
          versions.isEmpty() || versions.get(0).deleteMarker() ? null : versions.get(0);
      condition.check(current);
      String versionId =
          bucket.versioningEnabled() ? DiskStore.newVersionId() : ObjectMeta.NULL_VERSION;
      ObjectMeta replaced = store.replaceableNull(versions, versionId);
      String dataFile = "d-" + UUID.randomUUID() + ".bin";
      ObjectMeta meta =
          new ObjectMeta(
              key,
              versionId,
              store.nextSeq(),
              false,
              blob.size(),
              attrs.etag() != null ? attrs.etag() : blob.md5Hex(),
              blob.sha256Hex(),
              attrs.contentType(),
              store.clock().instant().truncatedTo(ChronoUnit.MILLIS),
              attrs.userMetadata(),
              dataFile,
              lockState,
              blob.checksums(),
              blob.crc32c(),
              attrs.checksumType(),
              attrs.parts());
      if (commits != null && blob.size() <= DiskStore.JOURNALED_MAX) {
        commitJournaled(bucket, blob, meta, replaced, !versions.isEmpty());
        return meta;
      }
      if (blob.inMemory()) {
        throw new IllegalStateException("an in-memory blob is always journaled");
      }
      store.fence();
      Durable.fsyncFile(blob.file());
      moveIntoNode(blob.file(), node, dataFile);
      store.writeMeta(node, meta);
      if (replaced != null && replaced.dataFile() != null) {
        Files.deleteIfExists(node.resolve(replaced.dataFile()));
      }
      return meta;
    } finally {
      lock.unlock();
    }
  }

  private void commitJournaled(
      BucketMeta bucket, StagedBlob blob, ObjectMeta meta, ObjectMeta replaced, boolean nodeExists)
      throws IOException {
    JournalRecord r =
        new JournalRecord(
            bucket.name(),
            meta.key(),
            meta.versionId(),
            meta.dataFile(),
            replaced == null ? null : replaced.dataFile(),
            Props.serialize(meta.toMap(), "object version"),
            blob.inMemory() ? blob.bytes() : Files.readAllBytes(blob.file()));
    commits.commit(r);
    try {
      materializer.materialize(r, blob.file(), nodeExists);
    } finally {
      commits.applied();
    }
  }

  private LockState effectiveLock(BucketMeta bucket, NewObject attrs) {
    LockState requested = attrs.lock();
    if (!bucket.objectLock()) {
      if (requested.mode() != null || requested.legalHold()) {
        throw S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
      }
      return LockState.NONE;
    }
    if (requested.mode() != null || attrs.explicitLock() || bucket.defaultMode() == null) {
      return requested;
    }
    Instant now = store.clock().instant();
    Instant until =
        now.atZone(ZoneOffset.UTC)
            .plusYears(bucket.defaultYears())
            .plusDays(bucket.defaultDays())
            .toInstant()
            .truncatedTo(ChronoUnit.MILLIS);
    return new LockState(bucket.defaultMode(), until, requested.legalHold());
  }

  private void moveIntoNode(Path file, Path node, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Durable.createDirectories(node);
        Durable.moveDurably(file, node.resolve(name));
        return;
      } catch (NoSuchFileException e) {
        if (attempt >= 10 || !Files.exists(file)) {
          throw e;
        }
      }
    }
  }
}
