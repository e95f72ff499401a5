package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Buckets and object versions on disk under {@code dataDir}: {@code
 * buckets/<name>/bucket.properties}, {@code buckets/<name>/objects/...} (see {@link KeyCodec}),
 * {@code buckets/<name>/uploads/<id>/}, {@code tmp/} and {@code journal/objects.wal}. Every
 * acknowledged write is durable: objects up to {@value #JOURNALED_MAX} bytes are group-committed
 * (one fdatasync of the journal covers every concurrent write, then the version is written in place
 * and made durable at the next checkpoint, replayed at start after a crash); larger ones and every
 * other change use fsynced file, atomic rename, fsynced directory. Thread-safe: writes to one key
 * are serialized by a striped lock. {@link #close()} checkpoints the journal.
 */
public final class DiskStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStore.class);
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
  static final String META_SUFFIX = ".meta";

  /** Objects up to this size are group-committed through the journal. */
  static final int JOURNALED_MAX = 128 * 1024;

  private static final long CHECKPOINT_BYTES = 16L * 1024 * 1024;

  private final Path dataDir;
  private final Path buckets;
  private final Path tmp;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[1024];
  private final AtomicLong seq;
  private final GroupCommit commits;
  private final Checkpoints checkpoints;
  private final BucketStore bucketStore;
  private final Staging staging;
  private final Materializer materializer;
  private final VersionChanges changes;
  private final VersionWriter writer;

  public DiskStore(Path dataDir, Clock clock) throws IOException {
    this(dataDir, clock, true);
  }

  /** A store that only reads (used by the scrubber beside a running node). */
  static DiskStore readOnly(Path dataDir, Clock clock) throws IOException {
    return new DiskStore(dataDir, clock, false);
  }

  private DiskStore(Path dataDir, Clock clock, boolean writable) throws IOException {
    this.dataDir = dataDir.toAbsolutePath();
    this.buckets = this.dataDir.resolve("buckets");
    this.tmp = this.dataDir.resolve("tmp");
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    this.seq = new AtomicLong(clock.millis() * 1000);
    this.checkpoints = new Checkpoints(this.dataDir);
    this.bucketStore = new BucketStore(this, buckets, writable);
    this.staging = new Staging(tmp, writable ? JOURNALED_MAX : 0);
    this.materializer = new Materializer(this, checkpoints);
    this.changes = new VersionChanges(this);
    if (writable) {
      Durable.createDirectories(buckets);
      Durable.createDirectories(tmp);
      Durable.createDirectories(this.dataDir.resolve("journal"));
      cleanTmp();
      Path journalFile = this.dataDir.resolve("journal").resolve("objects.wal");
      materializer.replay(journalFile);
      Journal journal = new Journal(journalFile);
      journal.truncate();
      this.commits = new GroupCommit(journal, checkpoints::syncAll, CHECKPOINT_BYTES);
    } else {
      this.commits = null;
    }
    this.writer = new VersionWriter(this, commits, materializer);
  }

  /**
   * Waits until no journaled write can be replayed over what follows: called (under the key's lock)
   * before any change that bypasses the journal.
   */
  void fence() throws IOException {
    if (commits != null) {
      commits.fence();
    }
  }

  /**
   * Group commit counters since start: {@code [journal fsyncs, writes they covered, checkpoints,
   * milliseconds spent in checkpoints]}.
   */
  public long[] groupCommitStats() {
    return commits == null ? new long[4] : commits.stats();
  }

  /** Commits what is in flight, checkpoints the journal and stops the committer. */
  @Override
  public void close() throws IOException {
    if (commits != null) {
      commits.close();
    }
  }

  private void cleanTmp() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
      for (Path p : ds) {
        deleteTree(p);
      }
    }
  }

  public Clock clock() {
    return clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  Path tmpDir() {
    return tmp;
  }

  long nextSeq() {
    long now = clock.millis() * 1000;
    return seq.updateAndGet(prev -> Math.max(prev + 1, now));
  }

  ReentrantLock lockFor(String bucket, String key) {
    int h = (bucket + '/' + key).hashCode();
    return locks[(h ^ (h >>> 16)) & (locks.length - 1)];
  }

  /** Rejects version and upload ids that are not plain tokens (they name files). */
  public static void checkId(String id, String what) {
    if (!ID.matcher(id).matches()) {
      throw S3Exception.invalidArgument("Invalid " + what + " specified");
    }
  }

  // ---------------------------------------------------------------- buckets

  Path bucketDir(String name) {
    return buckets.resolve(name);
  }

  Path objectsDir(String name) {
    return bucketDir(name).resolve("objects");
  }

  Path uploadsDir(String name) {
    return bucketDir(name).resolve("uploads");
  }

  /**
   * Creates a bucket owned by {@code owner}.
   *
   * @throws S3Exception BucketAlreadyOwnedByYou, BucketAlreadyExists or InvalidBucketName
   */
  public BucketMeta createBucket(String name, String owner, boolean objectLock) {
    return bucketStore.create(name, owner, objectLock);
  }

  /** The bucket's metadata, empty if it does not exist. */
  public Optional<BucketMeta> bucket(String name) {
    return bucketStore.get(name);
  }

  /**
   * @throws S3Exception NoSuchBucket
   */
  public BucketMeta requireBucket(String name) {
    return bucketStore.require(name);
  }

  /** All buckets, sorted by name. */
  public List<BucketMeta> buckets() {
    return bucketStore.all();
  }

  /** Replaces the bucket's metadata file atomically. */
  public void updateBucket(BucketMeta meta) {
    bucketStore.update(meta);
  }

  /**
   * Deletes a bucket without object versions, discarding its in-progress multipart uploads.
   *
   * @throws S3Exception BucketNotEmpty
   */
  public void deleteBucket(String name) {
    bucketStore.delete(name);
  }

  // ---------------------------------------------------------------- staging

  /** The bucket's CORS configuration as it was put, or null when it has none. */
  public byte[] bucketCors(String name) throws IOException {
    try {
      return Files.readAllBytes(bucketDir(name).resolve("cors.xml"));
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Replaces (atomically, durably) or, with null, removes the bucket's CORS configuration. */
  public void putBucketCors(String name, byte[] xml) throws IOException {
    ReentrantLock lock = lockFor(name, "");
    lock.lock();
    try {
      requireBucket(name);
      Path f = bucketDir(name).resolve("cors.xml");
      if (xml == null) {
        Files.deleteIfExists(f);
        Durable.fsyncDir(bucketDir(name));
      } else {
        Durable.writeAtomically(tmp, f, xml);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Streams {@code in} into a new temporary file (not fsynced: {@link #put} makes it durable, or
   * journals it), computing digests.
   *
   * @param algorithms additional checksums to compute ({@link Digests#ALGORITHMS})
   */
  public StagedBlob stage(InputStream in, Set<String> algorithms) throws IOException {
    return staging.stage(in, algorithms);
  }

  /**
   * The largest body {@link #stageInMemory} takes: objects up to this size are journaled, so their
   * bytes never need a temporary file (0 for a read-only store).
   */
  public int inMemoryMax() {
    return staging.inMemoryMax();
  }

  /**
   * Reads a body of {@code length} bytes (at most {@link #inMemoryMax()}) into memory, computing
   * digests in the same pass. When the stream holds fewer or more bytes, the blob's {@code size}
   * says how many it held (the caller refuses it).
   */
  public StagedBlob stageInMemory(InputStream in, int length, Set<String> algorithms)
      throws IOException {
    return staging.stageInMemory(in, length, algorithms);
  }

  /** Removes a staged blob that will not be committed. */
  public void discard(StagedBlob blob) {
    staging.discard(blob);
  }

  // ---------------------------------------------------------------- objects

  Path nodeDir(String bucket, String key) {
    return KeyCodec.nodePath(objectsDir(bucket), key);
  }

  /** All versions in a node directory, newest first; unreadable sidecars are skipped. */
  List<ObjectMeta> readVersions(Path node) {
    List<ObjectMeta> result = new ArrayList<>();
    // File.list answers null for a missing node without the cost of an exception
    String[] names = node.toFile().list();
    if (names != null) {
      for (String name : names) {
        if (name.endsWith(META_SUFFIX)) {
          readSidecar(node.resolve(name), result);
        }
      }
      if (result.size() > 1) {
        result.sort(Comparator.comparingLong(ObjectMeta::seq).reversed());
      }
      return result;
    }
    if (!Files.exists(node)) {
      return result;
    }
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(node, p -> p.getFileName().toString().endsWith(META_SUFFIX))) {
      for (Path p : ds) {
        readSidecar(p, result);
      }
    } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.sort(Comparator.comparingLong(ObjectMeta::seq).reversed());
    return result;
  }

  private static void readSidecar(Path p, List<ObjectMeta> into) {
    try {
      into.add(ObjectMeta.fromMap(Props.read(p)));
    } catch (NoSuchFileException e) {
      // removed concurrently
    } catch (IOException | RuntimeException e) {
      LOG.warn("unreadable sidecar {}", p, e);
    }
  }

  /** Every version of a key, newest first. */
  public List<ObjectMeta> versions(String bucket, String key) {
    return readVersions(nodeDir(bucket, key));
  }

  /** The newest version of a key (possibly a delete marker), or empty. */
  public Optional<ObjectMeta> latest(String bucket, String key) {
    List<ObjectMeta> v = versions(bucket, key);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** A given version of a key, or empty. */
  public Optional<ObjectMeta> version(String bucket, String key, String versionId) {
    checkId(versionId, "version id");
    return versions(bucket, key).stream().filter(m -> m.versionId().equals(versionId)).findFirst();
  }

  /** The file holding the bytes of a version. */
  public Path dataPath(String bucket, ObjectMeta meta) {
    return nodeDir(bucket, meta.key()).resolve(meta.dataFile());
  }

  /**
   * Opens the data file of the version {@code resolve} names. An overwrite of the null version
   * removes the previous data file, so a reader can lose the race between reading the sidecar and
   * opening the file: then the version is resolved again and the newer one opened; the caller gets
   * one complete version, never a mix.
   *
   * @param resolve reads the sidecar of the wanted version (throws NoSuchKey/NoSuchVersion etc.)
   * @throws S3Exception InternalError when the sidecar names a file that does not exist
   */
  public OpenedVersion open(String bucket, Supplier<ObjectMeta> resolve) throws IOException {
    ObjectMeta m = resolve.get();
    for (int attempt = 0; ; attempt++) {
      try {
        return new OpenedVersion(m, FileChannel.open(dataPath(bucket, m), StandardOpenOption.READ));
      } catch (NoSuchFileException e) {
        ObjectMeta again = resolve.get();
        if (attempt >= 8 || again.dataFile().equals(m.dataFile())) {
          throw S3Exception.internal("Object data is missing");
        }
        m = again;
      }
    }
  }

  /**
   * Commits a staged blob as the new current version of {@code key}; the blob's file is consumed.
   * Returns only once the version is durable.
   */
  public ObjectMeta put(
      BucketMeta bucket, String key, StagedBlob blob, NewObject attrs, Precondition condition)
      throws IOException {
    return writer.put(bucket, key, blob, attrs, condition);
  }

  /** The null version a write of {@code versionId} replaces, refusing if it is locked. */
  ObjectMeta replaceableNull(List<ObjectMeta> versions, String versionId) {
    if (!versionId.equals(ObjectMeta.NULL_VERSION)) {
      return null;
    }
    for (ObjectMeta v : versions) {
      if (v.versionId().equals(ObjectMeta.NULL_VERSION)) {
        if (v.lock().legalHold() || v.lock().retainedAt(clock.instant())) {
          throw S3Exception.accessDenied("Object is WORM protected and cannot be overwritten");
        }
        return v;
      }
    }
    return null;
  }

  static String newVersionId() {
    return UUID.randomUUID().toString();
  }

  void writeMeta(Path node, ObjectMeta meta) throws IOException {
    Durable.writeAtomically(
        tmp,
        node.resolve(meta.versionId() + META_SUFFIX),
        Props.serialize(meta.toMap(), "object version"));
  }

  /**
   * Deletes a key (no version id: removes the null version or adds a delete marker) or one version.
   *
   * @throws S3Exception AccessDenied when Object Lock protects the version
   */
  public DeleteResult delete(
      BucketMeta bucket, String key, String versionId, boolean bypassGovernance)
      throws IOException {
    return changes.delete(bucket, key, versionId, bypassGovernance);
  }

  /**
   * Changes the lock state of a version under the key's lock.
   *
   * @param change computes the new state from the version (throws to refuse)
   */
  public ObjectMeta updateLock(
      BucketMeta bucket, String key, String versionId, UnaryOperator<ObjectMeta> change)
      throws IOException {
    return changes.updateLock(bucket, key, versionId, change);
  }

  static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
        for (Path c : ds) {
          deleteTree(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
