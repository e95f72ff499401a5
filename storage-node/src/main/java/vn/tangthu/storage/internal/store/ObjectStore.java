package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
public final class ObjectStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
  private static final Set<String> RESERVED = Set.of("health", "metrics", "minio");
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
  private final java.util.concurrent.ConcurrentMap<String, BucketMeta> bucketCache =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Checkpoints checkpoints;

  /** Names of this process's temporary sidecars: unique without a SecureRandom call each. */
  private final String tmpPrefix = "s-" + UUID.randomUUID() + "-";

  private final AtomicLong tmpNames = new AtomicLong();

  public ObjectStore(Path dataDir, Clock clock) throws IOException {
    this(dataDir, clock, true);
  }

  /** A store that only reads (used by the scrubber beside a running node). */
  static ObjectStore readOnly(Path dataDir, Clock clock) throws IOException {
    return new ObjectStore(dataDir, clock, false);
  }

  private ObjectStore(Path dataDir, Clock clock, boolean writable) throws IOException {
    this.dataDir = dataDir.toAbsolutePath();
    this.buckets = this.dataDir.resolve("buckets");
    this.tmp = this.dataDir.resolve("tmp");
    this.clock = clock;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    this.seq = new AtomicLong(clock.millis() * 1000);
    this.checkpoints = new Checkpoints(this.dataDir);
    if (writable) {
      Durable.createDirectories(buckets);
      Durable.createDirectories(tmp);
      Durable.createDirectories(this.dataDir.resolve("journal"));
      cleanTmp();
      Path journalFile = this.dataDir.resolve("journal").resolve("objects.wal");
      replay(journalFile);
      Journal journal = new Journal(journalFile);
      journal.truncate();
      this.commits = new GroupCommit(journal, checkpoints::syncAll, CHECKPOINT_BYTES);
    } else {
      this.commits = null;
    }
  }

  /** Materializes again what the journal holds (lost if the node crashed before a checkpoint). */
  private void replay(Path journalFile) throws IOException {
    List<JournalRecord> records = Journal.read(journalFile);
    if (records.isEmpty()) {
      return;
    }
    for (JournalRecord r : records) {
      if (Files.isDirectory(objectsDir(r.bucket()))) {
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
  private void materialize(JournalRecord r, Path staged, boolean nodeExists) throws IOException {
    Path node = nodeDir(r.bucket(), r.key());
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
    Path sidecarTmp = tmp.resolve(tmpPrefix + tmpNames.incrementAndGet());
    Files.write(sidecarTmp, r.sidecar());
    Path sidecar = node.resolve(r.versionId() + META_SUFFIX);
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

  /**
   * Waits until no journaled write can be replayed over what follows: called (under the key's lock)
   * before any change that bypasses the journal.
   */
  private void fence() throws IOException {
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

  private static boolean validBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !name.matches("^\\d+\\.\\d+\\.\\d+\\.\\d+$")
        && !RESERVED.contains(name);
  }

  /**
   * Creates a bucket owned by {@code owner}.
   *
   * @throws S3Exception BucketAlreadyOwnedByYou, BucketAlreadyExists or InvalidBucketName
   */
  public BucketMeta createBucket(String name, String owner, boolean objectLock) {
    if (!validBucketName(name)) {
      throw new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid.");
    }
    ReentrantLock lock = lockFor(name, "");
    lock.lock();
    try {
      Optional<BucketMeta> existing = bucket(name);
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
              clock.instant().truncatedTo(ChronoUnit.MILLIS),
              objectLock,
              objectLock ? "Enabled" : "",
              null,
              0,
              0);
      Path staging = tmp.resolve("b-" + UUID.randomUUID());
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
      Durable.moveDurably(staging, bucketDir(name));
      bucketCache.put(name, meta);
      return meta;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /** The bucket's metadata, empty if it does not exist. */
  public Optional<BucketMeta> bucket(String name) {
    if (!validBucketName(name)) {
      return Optional.empty();
    }
    Path f = bucketDir(name).resolve("bucket.properties");
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
      if (commits != null) {
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
  public BucketMeta requireBucket(String name) {
    return bucket(name).orElseThrow(S3Exception::noSuchBucket);
  }

  /** All buckets, sorted by name. */
  public List<BucketMeta> buckets() {
    List<BucketMeta> result = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(buckets)) {
      for (Path p : ds) {
        bucket(p.getFileName().toString()).ifPresent(result::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.sort(Comparator.comparing(BucketMeta::name));
    return result;
  }

  /** Replaces the bucket's metadata file atomically. */
  public void updateBucket(BucketMeta meta) {
    ReentrantLock lock = lockFor(meta.name(), "");
    lock.lock();
    try {
      Durable.writeAtomically(
          tmp,
          bucketDir(meta.name()).resolve("bucket.properties"),
          Props.serialize(meta.toMap(), "bucket"));
      bucketCache.put(meta.name(), meta);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /** Deletes an empty bucket. @throws S3Exception BucketNotEmpty */
  public void deleteBucket(String name) {
    ReentrantLock lock = lockFor(name, "");
    lock.lock();
    try {
      requireBucket(name);
      KeyWalker w = new KeyWalker(objectsDir(name), new byte[0], null);
      for (KeyWalker.Node n = w.next(); n != null; n = w.next()) {
        if (!readVersions(n.dir()).isEmpty()) {
          throw new S3Exception(
              409, "BucketNotEmpty", "The bucket you tried to delete is not empty");
        }
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(uploadsDir(name))) {
        if (ds.iterator().hasNext()) {
          throw new S3Exception(
              409, "BucketNotEmpty", "The bucket you tried to delete has multipart uploads");
        }
      } catch (NoSuchFileException e) {
        // no uploads directory
      }
      fence();
      Path trash = tmp.resolve("del-" + UUID.randomUUID());
      Durable.moveDurably(bucketDir(name), trash);
      bucketCache.remove(name);
      Durable.fsyncDir(buckets);
      deleteTree(trash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- staging

  /**
   * Streams {@code in} into a new temporary file (not fsynced: {@link #put} makes it durable, or
   * journals it), computing digests.
   *
   * @param algorithms additional checksums to compute ({@link Digests#ALGORITHMS})
   */
  public StagedBlob stage(InputStream in, Set<String> algorithms) throws IOException {
    Path file = tmp.resolve("put-" + UUID.randomUUID());
    Digests d = new Digests(algorithms);
    boolean ok = false;
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[128 * 1024];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n == 0) {
          continue;
        }
        d.update(buf, 0, n);
        bb.clear().limit(n);
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
      }
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    Digests.Result r = d.finish(algorithms.contains("SHA256"));
    return new StagedBlob(file, r.size(), r.md5(), r.sha256(), r.checksums());
  }

  /**
   * The largest body {@link #stageInMemory} takes: objects up to this size are journaled, so their
   * bytes never need a temporary file (0 for a read-only store).
   */
  public int inMemoryMax() {
    return commits == null ? 0 : JOURNALED_MAX;
  }

  /**
   * Reads a body of {@code length} bytes (at most {@link #inMemoryMax()}) into memory, computing
   * digests in the same pass. When the stream holds fewer or more bytes, the blob's {@code size}
   * says how many it held (the caller refuses it).
   */
  public StagedBlob stageInMemory(InputStream in, int length, Set<String> algorithms)
      throws IOException {
    if (length < 0 || length > inMemoryMax()) {
      throw new IllegalArgumentException("not a small body: " + length);
    }
    byte[] data = new byte[length];
    int n = in.readNBytes(data, 0, length);
    if (n < length) {
      data = java.util.Arrays.copyOf(data, n);
    }
    long extra = in.transferTo(java.io.OutputStream.nullOutputStream());
    Digests d = new Digests(algorithms);
    d.update(data, 0, data.length);
    Digests.Result r = d.finish(algorithms.contains("SHA256"));
    return new StagedBlob(null, data.length + extra, r.md5(), r.sha256(), r.checksums(), data);
  }

  /** Removes a staged blob that will not be committed. */
  public void discard(StagedBlob blob) {
    if (blob.inMemory()) {
      return;
    }
    try {
      Files.deleteIfExists(blob.file());
    } catch (IOException e) {
      LOG.warn("could not delete {}", blob.file(), e);
    }
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
    Path node = nodeDir(bucket.name(), key);
    LockState lockState = effectiveLock(bucket, attrs);
    ReentrantLock lock = lockFor(bucket.name(), key);
    lock.lock();
    try {
      List<ObjectMeta> versions = readVersions(node);
      ObjectMeta current =
          versions.isEmpty() || versions.get(0).deleteMarker() ? null : versions.get(0);
      condition.check(current);
      String versionId = bucket.versioningEnabled() ? newVersionId() : ObjectMeta.NULL_VERSION;
      ObjectMeta replaced = replaceableNull(versions, versionId);
      String dataFile = "d-" + UUID.randomUUID() + ".bin";
      ObjectMeta meta =
          new ObjectMeta(
              key,
              versionId,
              nextSeq(),
              false,
              blob.size(),
              attrs.etag() != null ? attrs.etag() : blob.md5Hex(),
              blob.sha256Hex(),
              attrs.contentType(),
              clock.instant().truncatedTo(ChronoUnit.MILLIS),
              attrs.userMetadata(),
              dataFile,
              lockState,
              blob.checksums());
      if (commits != null && blob.size() <= JOURNALED_MAX) {
        commitJournaled(bucket, blob, meta, replaced, !versions.isEmpty());
        return meta;
      }
      if (blob.inMemory()) {
        throw new IllegalStateException("an in-memory blob is always journaled");
      }
      fence();
      Durable.fsyncFile(blob.file());
      moveIntoNode(blob.file(), node, dataFile);
      writeMeta(node, meta);
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
      materialize(r, blob.file(), nodeExists);
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
    Instant now = clock.instant();
    Instant until =
        now.atZone(java.time.ZoneOffset.UTC)
            .plusYears(bucket.defaultYears())
            .plusDays(bucket.defaultDays())
            .toInstant()
            .truncatedTo(ChronoUnit.MILLIS);
    return new LockState(bucket.defaultMode(), until, requested.legalHold());
  }

  /** The null version a write of {@code versionId} replaces, refusing if it is locked. */
  private ObjectMeta replaceableNull(List<ObjectMeta> versions, String versionId) {
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
    if (versionId != null) {
      checkId(versionId, "version id");
    }
    Path node = nodeDir(bucket.name(), key);
    ReentrantLock lock = lockFor(bucket.name(), key);
    lock.lock();
    try {
      fence();
      List<ObjectMeta> versions = readVersions(node);
      if (versionId == null && bucket.versioned()) {
        String markerId = bucket.versioningEnabled() ? newVersionId() : ObjectMeta.NULL_VERSION;
        ObjectMeta replaced = replaceableNull(versions, markerId);
        ObjectMeta marker =
            new ObjectMeta(
                key,
                markerId,
                nextSeq(),
                true,
                0,
                null,
                null,
                null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                java.util.Map.of(),
                null,
                LockState.NONE,
                java.util.Map.of());
        Durable.createDirectories(node);
        writeMeta(node, marker);
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
      Files.delete(node.resolve(v.versionId() + META_SUFFIX));
      Durable.fsyncDir(node);
      if (v.dataFile() != null) {
        Files.deleteIfExists(node.resolve(v.dataFile()));
      }
      if (versions.size() == 1) {
        removeEmptyDirs(node, objectsDir(bucket.name()));
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
    if (l.retainedAt(clock.instant()) && (l.mode().equals("COMPLIANCE") || !bypassGovernance)) {
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
  public ObjectMeta updateLock(
      BucketMeta bucket,
      String key,
      String versionId,
      java.util.function.UnaryOperator<ObjectMeta> change)
      throws IOException {
    Path node = nodeDir(bucket.name(), key);
    ReentrantLock lock = lockFor(bucket.name(), key);
    lock.lock();
    try {
      List<ObjectMeta> versions = readVersions(node);
      ObjectMeta v;
      if (versionId == null) {
        if (versions.isEmpty() || versions.get(0).deleteMarker()) {
          throw S3Exception.noSuchKey();
        }
        v = versions.get(0);
      } else {
        checkId(versionId, "version id");
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
      fence();
      writeMeta(node, updated);
      return updated;
    } finally {
      lock.unlock();
    }
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
