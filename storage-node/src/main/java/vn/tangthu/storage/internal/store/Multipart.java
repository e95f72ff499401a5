package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Multipart uploads: {@code buckets/<name>/uploads/<uploadId>/upload.properties} plus one {@code
 * part-NNNNN.bin} and {@code part-NNNNN.properties} per part. Completing concatenates the parts
 * into a staged blob (re-checking every part's MD5) and commits it like a PUT.
 */
public final class Multipart {
  static final long MIN_PART = 5L * 1024 * 1024;

  private final ObjectStore store;

  public Multipart(ObjectStore store) {
    this.store = store;
  }

  /** An upload in progress. */
  public record Upload(
      String uploadId, String key, Instant initiated, String owner, NewObject attrs) {}

  /** A stored part. */
  public record Part(int number, long size, String etag, Instant lastModified) {}

  /** A part named in CompleteMultipartUpload. */
  public record CompletedPart(int number, String etag) {}

  private Path uploadDir(String bucket, String uploadId) {
    ObjectStore.checkId(uploadId, "upload id");
    return store.uploadsDir(bucket).resolve(uploadId);
  }

  public Upload create(BucketMeta bucket, String key, String owner, NewObject attrs)
      throws IOException {
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
    Path dir = store.uploadsDir(bucket.name()).resolve(id);
    Durable.createDirectories(dir);
    Durable.writeAtomically(
        store.tmpDir(), dir.resolve("upload.properties"), Props.serialize(m, "multipart upload"));
    return read(bucket.name(), id);
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
        uploadId, m.get("key"), Instant.parse(m.get("initiated")), m.get("owner"), attrs);
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
    return new Part(partNumber, blob.size(), blob.md5Hex(), now);
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
        parts.add(
            new Part(
                n,
                Long.parseLong(m.get("size")),
                m.get("etag"),
                Instant.parse(m.get("lastModified"))));
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

  public ObjectMeta complete(
      BucketMeta bucket, String uploadId, List<CompletedPart> requested, Precondition condition)
      throws IOException {
    Upload upload = read(bucket.name(), uploadId);
    if (requested.isEmpty()) {
      throw S3Exception.malformedXml();
    }
    Map<Integer, Part> stored = new HashMap<>();
    for (Part p : parts(bucket.name(), uploadId)) {
      stored.put(p.number(), p);
    }
    MessageDigest etagDigest = Digests.newDigest("MD5");
    int prev = 0;
    List<Part> chosen = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      CompletedPart c = requested.get(i);
      if (c.number() <= prev) {
        throw new S3Exception(
            400, "InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      prev = c.number();
      Part p = stored.get(c.number());
      String etag = c.etag() == null ? "" : c.etag().replace("\"", "").trim();
      if (p == null || !p.etag().equalsIgnoreCase(etag)) {
        throw new S3Exception(
            400,
            "InvalidPart",
            "One or more of the specified parts could not be found. Part " + c.number());
      }
      if (i < requested.size() - 1 && p.size() < MIN_PART) {
        throw new S3Exception(
            400,
            "EntityTooSmall",
            "Your proposed upload is smaller than the minimum allowed object size.");
      }
      etagDigest.update(HexFormat.of().parseHex(p.etag()));
      chosen.add(p);
    }
    String etag = HexFormat.of().formatHex(etagDigest.digest()) + "-" + chosen.size();
    Path dir = uploadDir(bucket.name(), uploadId);
    StagedBlob blob;
    try (InputStream in = new PartsInputStream(dir, chosen)) {
      blob = store.stage(in, Set.of());
    }
    NewObject attrs = upload.attrs();
    NewObject withEtag =
        new NewObject(
            attrs.contentType(), attrs.userMetadata(), attrs.lock(), attrs.explicitLock(), etag);
    ReentrantLock lock = store.lockFor(bucket.name(), uploadId);
    lock.lock();
    try {
      read(bucket.name(), uploadId);
      ObjectMeta meta;
      try {
        meta = store.put(bucket, upload.key(), blob, withEtag, condition);
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
    ObjectStore.deleteTree(trash);
  }

  /** Concatenates part files, verifying each part's MD5 against its recorded ETag. */
  private static final class PartsInputStream extends InputStream {
    private final Path dir;
    private final List<Part> parts;
    private int index = -1;
    private InputStream current;
    private MessageDigest md5;

    PartsInputStream(Path dir, List<Part> parts) {
      this.dir = dir;
      this.parts = parts;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        if (current == null) {
          if (++index >= parts.size()) {
            return -1;
          }
          current =
              Files.newInputStream(
                  dir.resolve(String.format("part-%05d.bin", parts.get(index).number())));
          md5 = Digests.newDigest("MD5");
        }
        int n = current.read(b, off, len);
        if (n >= 0) {
          md5.update(b, off, n);
          return n;
        }
        current.close();
        current = null;
        byte[] expected = HexFormat.of().parseHex(parts.get(index).etag());
        if (!Arrays.equals(expected, md5.digest())) {
          throw new S3Exception(
              400, "InvalidPart", "Part " + parts.get(index).number() + " is corrupt");
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        current.close();
      }
    }
  }
}
