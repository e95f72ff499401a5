package vn.tangthu.archive.record;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.storage.StorageException;

/**
 * Serves whole originals checked against their recorded SHA-256. An original up to {@link
 * #VERIFY_FIRST} bytes is read and verified before the first byte is sent (then read again to be
 * sent, and checked again), so a corrupt one is answered {@code 502 CONTENT_CORRUPT} and never
 * sent; a larger one is checked as it streams with its last {@link #HELD_BACK} bytes held back
 * until the check passes, so one failing mid-stream has its connection aborted and the caller never
 * receives a complete response. Every failure is listed in {@code content_faults} (the {@code
 * content} health check is red while any active record is listed); a read that verifies takes its
 * record off the list. Thread-safe.
 */
public final class OriginalContent {

  private static final Logger LOG = LoggerFactory.getLogger(OriginalContent.class);

  /** The largest original verified before its first byte is sent: 64 MiB. */
  public static final long VERIFY_FIRST = 64L * 1024 * 1024;

  /** The bytes of a large original held back until its check passes. */
  static final int HELD_BACK = 64 * 1024;

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String bucket;
  private final Clock clock;
  private final String node;

  /**
   * @param node this node's name, written with each fault it finds
   */
  public OriginalContent(Jdbi jdbi, ObjectStore store, String bucket, Clock clock, String node) {
    this.jdbi = jdbi;
    this.store = store;
    this.bucket = bucket;
    this.clock = clock;
    this.node = node;
  }

  /**
   * The body of a whole original.
   *
   * @throws ApiException 502 {@code CONTENT_CORRUPT} when an original up to {@link #VERIFY_FIRST}
   *     bytes fails its check
   */
  public StreamingOutput whole(RecordRow row) {
    if (row.size() <= VERIFY_FIRST) {
      String actual;
      try (InputStream in = store.get(bucket, row.objectKey())) {
        actual = copyChecked(in, OutputStream.nullOutputStream(), row.sha256());
      } catch (StorageException | IOException e) {
        // a storage node that verifies what it sends refuses a corrupt object: tell that apart
        // from storage being unavailable by reading the bytes in ranges, unchecked by it
        actual = rangedDigest(row);
        if (actual.equals(row.sha256())) {
          throw e instanceof StorageException se ? se : new UncheckedIOException((IOException) e);
        }
      }
      if (!actual.equals(row.sha256())) {
        fault(row, actual);
        throw corrupt(row);
      }
      clearFault(row); // before the answer: a client that has every byte sees the check green
    }
    return out -> copyVerified(row, out);
  }

  /** The active records whose original is known to be corrupt (at most {@code limit}). */
  public List<UUID> faults(int limit) {
    return jdbi.withExtension(ContentFaultDao.class, d -> d.active(limit));
  }

  private void copyVerified(RecordRow row, OutputStream out) throws IOException {
    String actual;
    try (InputStream in = store.get(bucket, row.objectKey())) {
      actual = copyChecked(in, out, row.sha256());
    } catch (ReadFailure e) {
      diagnose(row);
      throw e;
    }
    if (!actual.equals(row.sha256())) {
      fault(row, actual);
      throw new IOException(
          "Record " + row.id() + " failed its SHA-256 while streaming; the response is aborted");
    }
    clearFault(row);
  }

  private void clearFault(RecordRow row) {
    jdbi.useExtension(ContentFaultDao.class, d -> d.clear(row.id()));
  }

  /** After a read failed mid-stream: lists the record when its bytes fail their check. */
  private void diagnose(RecordRow row) {
    try {
      String actual = rangedDigest(row);
      if (!actual.equals(row.sha256())) {
        fault(row, actual);
      }
    } catch (RuntimeException e) {
      LOG.warn("Record {} could not be read to check it: {}", row.id(), e.toString());
    }
  }

  /**
   * The SHA-256 of the object read in two ranges, neither the whole object, so that a storage node
   * verifying whole reads hands over the bytes as stored.
   */
  private String rangedDigest(RecordRow row) {
    MessageDigest sha = sha256();
    long size = row.size();
    long[][] ranges =
        size > 1 ? new long[][] {{0, size - 1}, {size - 1, 1}} : new long[][] {{0, 1}};
    byte[] buffer = new byte[HELD_BACK];
    for (long[] r : ranges) {
      try (InputStream in = store.get(bucket, row.objectKey(), r[0], r[1])) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Reading the stored object failed (as opposed to writing to the caller). */
  static final class ReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ReadFailure(IOException cause) {
      super("Reading the stored original failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * Copies {@code in} to {@code out} except its last {@link #HELD_BACK} bytes, which are written
   * only when the SHA-256 of everything read is {@code expected}; returns that SHA-256 in hex.
   */
  static String copyChecked(InputStream in, OutputStream out, String expected) throws IOException {
    MessageDigest sha = sha256();
    byte[] held = new byte[HELD_BACK];
    byte[] next = new byte[HELD_BACK];
    int heldLength = 0;
    while (true) {
      int n;
      try {
        n = in.readNBytes(next, 0, next.length);
      } catch (IOException e) {
        throw new ReadFailure(e);
      }
      if (n == 0) {
        break;
      }
      sha.update(next, 0, n);
      out.write(held, 0, heldLength);
      byte[] swap = held;
      held = next;
      next = swap;
      heldLength = n;
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (actual.equals(expected)) {
      out.write(held, 0, heldLength);
    }
    return actual;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void fault(RecordRow row, String actual) {
    LOG.error(
        "Fixity failure on record {}: stored {} read {}; no good copy to serve",
        row.id(),
        row.sha256(),
        actual);
    jdbi.useExtension(
        ContentFaultDao.class, d -> d.record(row.id(), clock.instant(), actual, node));
  }

  private static ApiException corrupt(RecordRow row) {
    return ApiException.of(
            502,
            "CONTENT_CORRUPT",
            "The stored original fails its SHA-256 check and no good copy is left; the archive's"
                + " operators have been alerted.",
            "Bản gốc được lưu không khớp mã SHA-256 và không còn bản sao tốt; người vận hành đã"
                + " được cảnh báo.")
        .with("recordId", row.id().toString());
  }
}
