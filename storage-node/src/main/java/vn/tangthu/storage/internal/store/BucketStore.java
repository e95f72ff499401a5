package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * The buckets of a {@link DiskStore}: {@code buckets/<name>/bucket.properties} with its {@code
 * objects/} and {@code uploads/} directories. Bucket metadata is cached (a writable store is the
 * only writer); changes run under the bucket's lock. Thread-safe.
 */
final class BucketStore {
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
  private static final Set<String> RESERVED = Set.of("health", "metrics", "minio");

  private final DiskStore store;
  private final Path root;
  private final boolean writable;
  private final ConcurrentMap<String, BucketMeta> bucketCache = new ConcurrentHashMap<>();

  BucketStore(DiskStore store, Path root, boolean writable) {
    this.store = store;
    this.root = root;
    this.writable = writable;
  }

  static boolean validBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !IP_ADDRESS.matcher(name).matches()
        && !RESERVED.contains(name);
  }

  /**
   * Creates a bucket owned by {@code owner}.
   *
   * @throws S3Exception BucketAlreadyOwnedByYou, BucketAlreadyExists or InvalidBucketName
   */
  BucketMeta create(String name, String owner, boolean objectLock) {
    if (!validBucketName(name)) {
      throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid.");
    }
    ReentrantLock lock = store.lockFor(name, "");
    lock.lock();
    try {
      Optional<BucketMeta> existing = get(name);
      if (existing.isPresent()) {
        if (existing.get().owner().equals(owner)) {
          throw new S3Exception(
              409,
              "BucketAlreadyOwnedByYou",
              "Your previous request to create the named bucket succeeded and you already own it.");
        }
        throw new S3Exception(
            409, "BucketAlreadyExists", "The requested bucket name is not available.");
      }
      BucketMeta meta =
          new BucketMeta(
              name,
              owner,
              store.clock().instant().truncatedTo(ChronoUnit.MILLIS),
              objectLock,
              objectLock ? "Enabled" : "",
              null,
              0,
              0);
      Path staging = store.tmpDir().resolve("b-" + UUID.randomUUID());
      Files.createDirectories(staging.resolve("objects"));
      Files.createDirectories(staging.resolve("uploads"));
      Files.write(staging.resolve("bucket.properties"), Props.serialize(meta.toMap(), "bucket"));
      try (FileChannel ch =
          FileChannel.open(staging.resolve("bucket.properties"), StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Durable.fsyncDir(staging.resolve("objects"));
      Durable.fsyncDir(staging.resolve("uploads"));
      Durable.fsyncDir(staging);
      Durable.moveDurably(staging, store.bucketDir(name));
      bucketCache.put(name, meta);
      return meta;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /** The bucket's metadata, empty if it does not exist. */
  Optional<BucketMeta> get(String name) {
    if (!validBucketName(name)) {
      return Optional.empty();
    }
    Path f = store.bucketDir(name).resolve("bucket.properties");
    BucketMeta cached = bucketCache.get(name);
    if (cached != null) {
      if (Files.exists(f)) {
        return Optional.of(cached);
      }
      bucketCache.remove(name, cached);
      return Optional.empty();
    }
    try {
      BucketMeta meta = BucketMeta.fromMap(Props.read(f));
      if (writable) {
        // changes put their new value (under the bucket's lock): never replace it with a read
        bucketCache.putIfAbsent(name, meta);
      }
      return Optional.of(meta);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws S3Exception NoSuchBucket
   */
  BucketMeta require(String name) {
    return get(name).orElseThrow(S3Exception::noSuchBucket);
  }

  /** All buckets, sorted by name. */
  List<BucketMeta> all() {
    List<BucketMeta> result = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        get(p.getFileName().toString()).ifPresent(result::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.sort(Comparator.comparing(BucketMeta::name));
    return result;
  }

  /** Replaces the bucket's metadata file atomically. */
  void update(BucketMeta meta) {
    ReentrantLock lock = store.lockFor(meta.name(), "");
    lock.lock();
    try {
      Durable.writeAtomically(
          store.tmpDir(),
          store.bucketDir(meta.name()).resolve("bucket.properties"),
          Props.serialize(meta.toMap(), "bucket"));
      bucketCache.put(meta.name(), meta);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Deletes a bucket without object versions; multipart uploads still in progress are discarded
   * with it (as S3 does).
   *
   * @throws S3Exception BucketNotEmpty
   */
  void delete(String name) {
    ReentrantLock lock = store.lockFor(name, "");
    lock.lock();
    try {
      require(name);
      KeyWalker w = new KeyWalker(store.objectsDir(name), new byte[0], null);
      for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
        if (!store.readVersions(n.dir()).isEmpty()) {
          throw new S3Exception(
              409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
        }
      }
      store.fence();
      Path trash = store.tmpDir().resolve("del-" + UUID.randomUUID());
      Durable.moveDurably(store.bucketDir(name), trash);
      bucketCache.remove(name);
      Durable.fsyncDir(root);
      DiskStore.deleteTree(trash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }
}
