package vn.tangthu.archive.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.storage.ObjectPurge;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * Where import packages live while their job runs: objects {@code imports/<job id>.pkg} in the
 * derived bucket. A package is streamed in as a multipart upload while its SHA-256 is computed (it
 * is never held whole in memory or on disk), with an upload intent recorded first, so a package
 * whose job never committed is removed by reconciliation; it is read back by ranged GETs. Thread-
 * safe.
 */
final class PackageStore {

  private static final Logger LOG = LoggerFactory.getLogger(PackageStore.class);
  private static final String CONTENT_TYPE = "application/octet-stream";

  /** A package as stored: its key, length and SHA-256. */
  record Received(String key, long bytes, String sha256) {}

  private final ObjectStore store;
  private final ObjectPurge purge;
  private final String bucket;
  private final long partBytes;
  private final long maxBytes;
  private final Jdbi jdbi;
  private final Clock clock;

  PackageStore(
      ObjectStore store, String bucket, long partBytes, long maxBytes, Jdbi jdbi, Clock clock) {
    this.store = store;
    this.purge = new ObjectPurge(store);
    this.bucket = bucket;
    this.partBytes = partBytes;
    this.maxBytes = maxBytes;
    this.jdbi = jdbi;
    this.clock = clock;
  }

  String bucket() {
    return bucket;
  }

  static String key(UUID jobId) {
    return "imports/" + jobId + ".pkg";
  }

  /**
   * Streams {@code in} into the package object of job {@code jobId}.
   *
   * @throws ApiException 413 {@code PACKAGE_TOO_LARGE} past the largest package, 400 {@code
   *     UPLOAD_INCOMPLETE} when the client's stream breaks, 503 {@code STORAGE_UNAVAILABLE}; the
   *     object is removed in every case
   */
  Received receive(UUID jobId, InputStream in) {
    String key = key(jobId);
    jdbi.useExtension(RecordDao.class, d -> d.insertIntent(bucket, key, clock.instant()));
    Measured measured = new Measured(in, maxBytes);
    try {
      store.putStream(bucket, key, measured, CONTENT_TYPE, partBytes);
    } catch (RuntimeException e) {
      remove(key);
      if (measured.failure != null) {
        throw measured.failure;
      }
      throw storageUnavailable(e);
    }
    if (measured.failure != null) {
      remove(key);
      throw measured.failure;
    }
    return new Received(key, measured.count, measured.sha256());
  }

  /** The SHA-256 and length of {@code in}, read to its end and stored nowhere. */
  Received measure(InputStream in) throws IOException {
    Measured measured = new Measured(in, maxBytes);
    try {
      measured.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      if (measured.failure != null) {
        throw measured.failure;
      }
      throw e;
    }
    return new Received(null, measured.count, measured.sha256());
  }

  /** The package object as a channel of ranged GETs. */
  SeekableByteChannel open(String key, long size) {
    return new S3RangeChannel(store, bucket, key, size);
  }

  /** The stored length of {@code key}, or -1 when the object is gone. */
  long size(String key) {
    return store.stat(bucket, key).map(i -> i.size()).orElse(-1L);
  }

  /**
   * Removes every version of the package object and its upload intent. What fails is logged and
   * left to reconciliation (the intent) or to the next pass over finished jobs.
   *
   * @return whether the object is gone
   */
  boolean remove(String key) {
    try {
      purge.purge(bucket, key);
      jdbi.useExtension(RecordDao.class, d -> d.deleteIntent(bucket, key));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Could not remove import package {}/{}: {}", bucket, key, e.toString());
      return false;
    }
  }

  static ApiException storageUnavailable(Exception e) {
    LOG.warn("Storage failed while receiving an import package: {}", e.toString());
    return ApiException.of(
        503,
        "STORAGE_UNAVAILABLE",
        "Storage is unavailable; nothing was stored. Try again later.",
        "Kho lưu trữ tạm thời không sẵn sàng; chưa lưu gì. Vui lòng thử lại sau.");
  }

  /**
   * Counts and hashes what the client sends; past the limit or on a broken stream it records the
   * refusal and ends the stream, so the upload ends and the refusal is answered.
   */
  private static final class Measured extends FilterInputStream {
    private final MessageDigest digest = sha256Digest();
    private final long max;
    long count;
    ApiException failure;

    Measured(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw new IOException(failure.getMessage());
      }
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        failure =
            ApiException.badRequest(
                "UPLOAD_INCOMPLETE",
                "The upload ended before the package was complete.",
                "Gói tải lên bị ngắt trước khi hoàn tất.");
        throw e;
      }
      if (n > 0) {
        count += n;
        if (count > max) {
          failure =
              ApiException.of(
                      413,
                      "PACKAGE_TOO_LARGE",
                      "A package may have at most " + max + " bytes.",
                      "Mỗi gói tối đa " + max + " byte.")
                  .with("maxBytes", max);
          throw new IOException(failure.getMessage());
        }
        digest.update(b, off, n);
      }
      return n;
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
