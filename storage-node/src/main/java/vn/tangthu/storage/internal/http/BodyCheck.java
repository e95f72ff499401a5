package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tangthu.storage.internal.auth.AuthContext;
import vn.tangthu.storage.internal.auth.AwsChunkedInputStream;
import vn.tangthu.storage.internal.auth.PayloadMode;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.ChecksumAlgorithm;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.StagedBlob;

/**
 * Streams a request body into a staged blob and checks it against everything the client declared:
 * length, {@code x-amz-content-sha256}, chunk signatures, Content-MD5 and additional checksums.
 */
final class BodyCheck {
  private BodyCheck() {}

  /** The decoded body (aws-chunked removed). */
  static InputStream body(Exchange ex, AuthContext auth) {
    InputStream raw = ex.rawBody();
    return auth.payloadMode().chunked() ? new AwsChunkedInputStream(raw, auth) : raw;
  }

  /** Checksum algorithms the client sends a value for, in headers or in the trailer. */
  static Set<String> requestedChecksums(Exchange ex) {
    Set<String> algos = new LinkedHashSet<>();
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      String v = ex.header(a.header());
      if (v != null) {
        if (!a.wellFormed(v)) {
          throw S3Exception.invalidRequest("Value for " + a.header() + " header is invalid.");
        }
        algos.add(a.name());
      }
    }
    if (algos.size() > 1) {
      throw S3Exception.invalidRequest(
          "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
    }
    String trailer = ex.header("x-amz-trailer");
    if (trailer != null) {
      for (String t : trailer.split(",")) {
        String n = t.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("x-amz-checksum-")) {
          String a = n.substring(15).toUpperCase(Locale.ROOT);
          if (!Digests.ALGORITHMS.contains(a)) {
            throw S3Exception.invalidArgument("Unsupported checksum algorithm " + a);
          }
          algos.add(a);
        }
      }
    }
    String sdk = ex.header("x-amz-sdk-checksum-algorithm");
    if (sdk != null && Digests.ALGORITHMS.contains(sdk.toUpperCase(Locale.ROOT))) {
      algos.add(sdk.toUpperCase(Locale.ROOT));
    }
    return algos;
  }

  /**
   * Streams, stages (into a temporary file) and verifies; the blob is discarded when a check fails.
   */
  static StagedBlob stage(DiskStore store, Exchange ex, AuthContext auth) throws IOException {
    return stage(store, ex, auth, false);
  }

  /**
   * Streams, stages and verifies; the blob is discarded when a check fails.
   *
   * @param inMemoryOk whether a body whose declared length is at most {@link
   *     DiskStore#inMemoryMax()} may be held in memory instead of a temporary file
   */
  static StagedBlob stage(DiskStore store, Exchange ex, AuthContext auth, boolean inMemoryOk)
      throws IOException {
    return stage(store, ex, auth, inMemoryOk, Set.of());
  }

  /**
   * Streams, stages and verifies; the blob is discarded when a check fails.
   *
   * @param also checksums to compute besides those the request declares
   */
  static StagedBlob stage(
      DiskStore store, Exchange ex, AuthContext auth, boolean inMemoryOk, Set<String> also)
      throws IOException {
    Set<String> algos = requestedChecksums(ex);
    algos.addAll(also);
    if (algos.isEmpty()) {
      // S3 stores a CRC64NVME of every new object (or part) whose request names no checksum
      algos.add(Digests.DEFAULT_CHECKSUM);
    }
    InputStream in = body(ex, auth);
    long declared = inMemoryOk ? declaredLength(ex, auth) : -1;
    StagedBlob blob =
        declared >= 0 && declared <= store.inMemoryMax()
            ? store.stageInMemory(in, (int) declared, algos)
            : store.stage(in, algos);
    try {
      verify(ex, auth, in, blob);
      return blob;
    } catch (RuntimeException e) {
      store.discard(blob);
      throw e;
    }
  }

  /** The decoded body length the client declared, or -1 when absent or not a number. */
  private static long declaredLength(Exchange ex, AuthContext auth) {
    String declared =
        auth.payloadMode().chunked()
            ? ex.header("x-amz-decoded-content-length")
            : ex.header("Content-Length");
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void verify(Exchange ex, AuthContext auth, InputStream in, StagedBlob blob) {
    String declared =
        auth.payloadMode().chunked()
            ? ex.header("x-amz-decoded-content-length")
            : ex.header("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) != blob.size()) {
          throw new S3Exception(
              400,
              "IncompleteBody",
              "You did not provide the number of bytes specified by the Content-Length HTTP header.");
        }
      } catch (NumberFormatException e) {
        throw S3Exception.invalidArgument("Invalid content length");
      }
    }
    if (auth.payloadMode() == PayloadMode.SIGNED
        && !auth.payloadSha256().equalsIgnoreCase(blob.sha256Hex())) {
      throw new S3Exception(
          400,
          "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    String md5 = ex.header("Content-MD5");
    if (md5 != null) {
      byte[] expected;
      try {
        expected = Base64.getDecoder().decode(md5.trim());
      } catch (IllegalArgumentException e) {
        throw new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
      }
      if (!java.util.Arrays.equals(expected, blob.md5())) {
        throw S3Exception.badDigest(
            "The Content-MD5 you specified did not match what we received.");
      }
    }
    Map<String, String> trailers = in instanceof AwsChunkedInputStream c ? c.trailers() : Map.of();
    for (var e : blob.checksums().entrySet()) {
      String name = "x-amz-checksum-" + e.getKey().toLowerCase(Locale.ROOT);
      String given = ex.header(name);
      if (given == null) {
        given = trailers.get(name);
      }
      if (given != null && !given.trim().equals(e.getValue())) {
        throw S3Exception.badDigest(
            "The " + e.getKey() + " checksum you specified did not match what we received.");
      }
    }
  }
}
