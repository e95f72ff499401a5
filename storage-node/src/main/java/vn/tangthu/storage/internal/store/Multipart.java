package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Multipart uploads: {@code buckets/<name>/uploads/<uploadId>/upload.properties} plus one {@code
 * part-NNNNN.bin} and {@code part-NNNNN.properties} per part. Each part is hashed once, while it is
 * received, on the thread of its own request (parts uploaded at once are hashed on as many cores):
 * MD5, SHA-256, CRC32C and the upload's checksum algorithm in one pass. Completing copies the part
 * files into one data file in the kernel ({@code FileChannel.transferTo}) without hashing again:
 * the version records each part's SHA-256 (what the scrub checks), and its CRC32C (checked by full
 * GETs) is combined from the parts'. Its checksum is combined too: {@code FULL_OBJECT} (CRCs) or
 * {@code COMPOSITE} (the algorithm over the parts' checksums, suffixed {@code -N}).
 */
public final class Multipart {
  static final long MIN_PART = 5L * 1024 * 1024;

  private final DiskStore store;
  private final PartAssembly assembly;

  public Multipart(DiskStore store) {
    this.store = store;
    this.assembly = new PartAssembly(store);
  }

  /**
   * An upload in progress.
   *
   * @param checksumAlgorithm the checksum every part carries, or null
   * @param checksumType {@code COMPOSITE} or {@code FULL_OBJECT} when an algorithm is set
   */
  public record Upload(
      String uploadId,
      String key,
      Instant initiated,
      String owner,
      NewObject attrs,
      ChecksumAlgorithm checksumAlgorithm,
      String checksumType) {}

  /**
   * A stored part.
   *
   * @param checksums base64 additional checksums by algorithm name
   */
  public record Part(
      int number,
      long size,
      String etag,
      Instant lastModified,
      String sha256,
      String crc32c,
      Map<String, String> checksums) {
    PartInfo info() {
      return new PartInfo(size, etag, sha256, crc32c, checksums);
    }
  }

  /**
   * A part named in CompleteMultipartUpload.
   *
   * @param checksums base64 checksums the client gives for the part, by algorithm name
   */
  public record CompletedPart(int number, String etag, Map<String, String> checksums) {
    public CompletedPart(int number, String etag) {
      this(number, etag, Map.of());
    }
  }

  private Path uploadDir(String bucket, String uploadId) {
    DiskStore.checkId(uploadId, "upload id");
    return store.uploadsDir(bucket).resolve(uploadId);
  }

  /** Starts an upload without a checksum algorithm. */
  public Upload create(BucketMeta bucket, String key, String owner, NewObject attrs)
      throws IOException {
    return create(bucket, key, owner, attrs, null, null);
  }

  /**
   * Starts an upload.
   *
   * @param algorithm checksum of every part, or null
   * @param type {@code COMPOSITE} or {@code FULL_OBJECT} (null: the algorithm's default)
   * @throws S3Exception InvalidRequest when the type does not suit the algorithm
   */
  public Upload create(
      BucketMeta bucket,
      String key,
      String owner,
      NewObject attrs,
      ChecksumAlgorithm algorithm,
      String type)
      throws IOException {
    String checksumType = checksumType(algorithm, type);
    String id = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> m = new TreeMap<>();
    m.put("key", key);
    m.put("initiated", store.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString());
    m.put("owner", owner);
    m.put("contentType", attrs.contentType());
    attrs.userMetadata().forEach((k, v) -> m.put("meta." + k, v));
    LockState l = attrs.lock();
    if (l.mode() != null) {
      m.put("lock.mode", l.mode());
      m.put("lock.retainUntil", l.retainUntil().toString());
    }
    m.put("lock.legalHold", Boolean.toString(l.legalHold()));
    m.put("lock.explicit", Boolean.toString(attrs.explicitLock()));
    if (algorithm != null) {
      m.put("checksum.algorithm", algorithm.name());
      m.put("checksum.type", checksumType);
    }
    Path dir = store.uploadsDir(bucket.name()).resolve(id);
    Durable.createDirectories(dir);
    Durable.writeAtomically(
        store.tmpDir(), dir.resolve("upload.properties"), Props.serialize(m, "multipart upload"));
    return read(bucket.name(), id);
  }

  /** S3's rules: CRC64NVME is full-object only, SHA-1 and SHA-256 composite only. */
  static String checksumType(ChecksumAlgorithm algorithm, String type) {
    if (type != null && !type.equals("COMPOSITE") && !type.equals("FULL_OBJECT")) {
      throw S3Exception.invalidRequest("Value for x-amz-checksum-type header is invalid.");
    }
    if (algorithm == null) {
      if (type != null) {
        throw S3Exception.invalidRequest(
            "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
      }
      return null;
    }
    String t = type != null ? type : algorithm.compositeAllowed() ? "COMPOSITE" : "FULL_OBJECT";
    if ((t.equals("COMPOSITE") && !algorithm.compositeAllowed())
        || (t.equals("FULL_OBJECT") && !algorithm.combinable())) {
      throw S3Exception.invalidRequest(
          "The " + algorithm + " checksum algorithm does not support the " + t + " checksum type.");
    }
    return t;
  }

  /**
   * @throws S3Exception NoSuchUpload
   */
  public Upload read(String bucket, String uploadId) {
    Path f = uploadDir(bucket, uploadId).resolve("upload.properties");
    Map<String, String> m;
    try {
      m = Props.read(f);
    } catch (NoSuchFileException e) {
      throw S3Exception.noSuchUpload();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> meta = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          if (k.startsWith("meta.")) meta.put(k.substring(5), v);
        });
    String mode = m.get("lock.mode");
    LockState lock =
        new LockState(
            mode,
            mode == null ? null : Instant.parse(m.get("lock.retainUntil")),
            Boolean.parseBoolean(m.get("lock.legalHold")));
    NewObject attrs =
        new NewObject(
            m.get("contentType"), meta, lock, Boolean.parseBoolean(m.get("lock.explicit")), null);
    return new Upload(
        uploadId,
        m.get("key"),
        Instant.parse(m.get("initiated")),
        m.get("owner"),
        attrs,
        ChecksumAlgorithm.parse(m.get("checksum.algorithm")),
        m.get("checksum.type"));
  }

  public Part uploadPart(String bucket, String uploadId, int partNumber, StagedBlob blob)
      throws IOException {
    if (partNumber < 1 || partNumber > 10000) {
      store.discard(blob);
      throw S3Exception.invalidArgument(
          "Part number must be an integer between 1 and 10000, inclusive");
    }
    Path dir = uploadDir(bucket, uploadId);
    read(bucket, uploadId);
    String base = String.format("part-%05d", partNumber);
    Instant now = store.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Map<String, String> m = new TreeMap<>();
    m.put("size", Long.toString(blob.size()));
    m.put("etag", blob.md5Hex());
    m.put("lastModified", now.toString());
    m.put("sha256", blob.sha256Hex());
    m.put("crc32c", blob.crc32c());
    blob.checksums().forEach((k, v) -> m.put("checksum." + k, v));
    ReentrantLock lock = store.lockFor(bucket, uploadId);
    lock.lock();
    try {
      Durable.fsyncFile(blob.file());
      Durable.moveDurably(blob.file(), dir.resolve(base + ".bin"));
      Durable.writeAtomically(
          store.tmpDir(), dir.resolve(base + ".properties"), Props.serialize(m, "part"));
    } catch (NoSuchFileException e) {
      store.discard(blob);
      throw S3Exception.noSuchUpload();
    } finally {
      lock.unlock();
    }
    return new Part(
        partNumber,
        blob.size(),
        blob.md5Hex(),
        now,
        blob.sha256Hex(),
        blob.crc32c(),
        blob.checksums());
  }

  /** Parts uploaded so far, by part number. */
  public List<Part> parts(String bucket, String uploadId) {
    Path dir = uploadDir(bucket, uploadId);
    read(bucket, uploadId);
    List<Part> parts = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "part-*.properties")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        int n = Integer.parseInt(name.substring(5, 10));
        Map<String, String> m = Props.read(p);
        Map<String, String> sums = new TreeMap<>();
        m.forEach(
            (k, v) -> {
              if (k.startsWith("checksum.")) {
                sums.put(k.substring(9), v);
              }
            });
        parts.add(
            new Part(
                n,
                Long.parseLong(m.get("size")),
                m.get("etag"),
                Instant.parse(m.get("lastModified")),
                m.get("sha256"),
                m.get("crc32c"),
                sums));
      }
    } catch (NoSuchFileException e) {
      throw S3Exception.noSuchUpload();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    parts.sort(Comparator.comparingInt(Part::number));
    return parts;
  }

  /** Uploads in progress in a bucket, ordered by key then initiation. */
  public List<Upload> uploads(String bucket) {
    List<Upload> result = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(store.uploadsDir(bucket))) {
      for (Path p : ds) {
        try {
          result.add(read(bucket, p.getFileName().toString()));
        } catch (S3Exception e) {
          // half-created or being aborted
        }
      }
    } catch (NoSuchFileException e) {
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    result.sort(Comparator.comparing(Upload::key).thenComparing(Upload::initiated));
    return result;
  }

  /**
   * Completes an upload: the named parts become the new current version of its key.
   *
   * @param expected base64 checksums of the whole object the client gives (by algorithm name)
   * @throws S3Exception InvalidPart, InvalidPartOrder, EntityTooSmall, BadDigest, NoSuchUpload
   */
  public ObjectMeta complete(
      BucketMeta bucket,
      String uploadId,
      List<CompletedPart> requested,
      Map<String, String> expected,
      Precondition condition)
      throws IOException {
    Upload upload = read(bucket.name(), uploadId);
    List<Part> chosen = PartAssembly.choose(upload, parts(bucket.name(), uploadId), requested);
    MessageDigest etagDigest = Digests.newDigest("MD5");
    chosen.forEach(p -> etagDigest.update(HexFormat.of().parseHex(p.etag())));
    String etag = HexFormat.of().formatHex(etagDigest.digest()) + "-" + chosen.size();
    Map<String, String> checksums = PartAssembly.checksums(upload, chosen, expected);
    StagedBlob blob = assembly.assemble(uploadDir(bucket.name(), uploadId), chosen, checksums);
    NewObject attrs = upload.attrs();
    boolean hashedParts = blob.sha256() == null;
    NewObject completed =
        new NewObject(
            attrs.contentType(),
            attrs.userMetadata(),
            attrs.lock(),
            attrs.explicitLock(),
            etag,
            checksums.isEmpty()
                ? null
                : upload.checksumType() != null ? upload.checksumType() : "FULL_OBJECT",
            hashedParts ? chosen.stream().map(Part::info).toList() : List.of());
    ReentrantLock lock = store.lockFor(bucket.name(), uploadId);
    lock.lock();
    try {
      read(bucket.name(), uploadId);
      ObjectMeta meta;
      try {
        meta = store.put(bucket, upload.key(), blob, completed, condition);
      } catch (RuntimeException | IOException e) {
        store.discard(blob);
        throw e;
      }
      removeUpload(bucket.name(), uploadId);
      return meta;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Aborts every upload, in every bucket, initiated before {@code now - age} on the store's clock.
   *
   * @return the number of uploads removed
   */
  public int expire(java.time.Duration age) throws IOException {
    Instant cutoff = store.clock().instant().minus(age);
    int removed = 0;
    for (BucketMeta b : store.buckets()) {
      for (Upload u : uploads(b.name())) {
        if (u.initiated().isBefore(cutoff)) {
          try {
            abort(b.name(), u.uploadId());
            removed++;
          } catch (S3Exception e) {
            // completed or aborted meanwhile
          }
        }
      }
    }
    return removed;
  }

  public void abort(String bucket, String uploadId) throws IOException {
    read(bucket, uploadId);
    ReentrantLock lock = store.lockFor(bucket, uploadId);
    lock.lock();
    try {
      removeUpload(bucket, uploadId);
    } finally {
      lock.unlock();
    }
  }

  private void removeUpload(String bucket, String uploadId) throws IOException {
    Path dir = uploadDir(bucket, uploadId);
    Path trash = store.tmpDir().resolve("abort-" + UUID.randomUUID());
    try {
      Durable.moveDurably(dir, trash);
    } catch (NoSuchFileException e) {
      throw S3Exception.noSuchUpload();
    }
    DiskStore.deleteTree(trash);
  }
}
