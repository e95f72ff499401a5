package vn.tangthu.storage.internal.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sidecar of one object version.
 *
 * @param key the object key
 * @param versionId {@code null} string for the null version, else a generated id
 * @param seq store-wide increasing write sequence; the latest version of a key has the greatest
 * @param deleteMarker whether this version is a delete marker (no data)
 * @param size bytes
 * @param etag ETag without quotes
 * @param sha256 hex SHA-256 of the bytes
 * @param contentType media type
 * @param lastModified write instant
 * @param userMetadata {@code x-amz-meta-*} values by lower-case name without the prefix
 * @param dataFile file name of the bytes within the node directory (null for delete markers)
 * @param lock retention and legal hold
 * @param checksums base64 additional checksums by algorithm
 */
public record ObjectMeta(
    String key,
    String versionId,
    long seq,
    boolean deleteMarker,
    long size,
    String etag,
    String sha256,
    String contentType,
    Instant lastModified,
    Map<String, String> userMetadata,
    String dataFile,
    LockState lock,
    Map<String, String> checksums) {

  public static final String NULL_VERSION = "null";

  public ObjectMeta {
    Objects.requireNonNull(key);
    Objects.requireNonNull(versionId);
    Objects.requireNonNull(lastModified);
    userMetadata = Map.copyOf(userMetadata);
    checksums = Map.copyOf(checksums);
    lock = lock == null ? LockState.NONE : lock;
  }

  public ObjectMeta withLock(LockState newLock) {
    return new ObjectMeta(
        key,
        versionId,
        seq,
        deleteMarker,
        size,
        etag,
        sha256,
        contentType,
        lastModified,
        userMetadata,
        dataFile,
        newLock,
        checksums);
  }

  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("versionId", versionId);
    m.put("seq", Long.toString(seq));
    m.put("deleteMarker", Boolean.toString(deleteMarker));
    m.put("lastModified", lastModified.toString());
    if (!deleteMarker) {
      m.put("size", Long.toString(size));
      m.put("etag", etag);
      m.put("sha256", sha256);
      m.put("contentType", contentType);
      m.put("dataFile", dataFile);
    }
    userMetadata.forEach((k, v) -> m.put("meta." + k, v));
    checksums.forEach((k, v) -> m.put("checksum." + k, v));
    if (lock.mode() != null) {
      m.put("lock.mode", lock.mode());
      m.put("lock.retainUntil", lock.retainUntil().toString());
    }
    m.put("lock.legalHold", Boolean.toString(lock.legalHold()));
    return m;
  }

  static ObjectMeta fromMap(Map<String, String> m) {
    Map<String, String> meta = new TreeMap<>();
    Map<String, String> sums = new TreeMap<>();
    m.forEach(
        (k, v) -> {
          if (k.startsWith("meta.")) {
            meta.put(k.substring(5), v);
          } else if (k.startsWith("checksum.")) {
            sums.put(k.substring(9), v);
          }
        });
    String mode = m.get("lock.mode");
    LockState lock =
        new LockState(
            mode,
            mode == null ? null : Instant.parse(m.get("lock.retainUntil")),
            Boolean.parseBoolean(m.get("lock.legalHold")));
    boolean dm = Boolean.parseBoolean(m.get("deleteMarker"));
    return new ObjectMeta(
        m.get("key"),
        m.get("versionId"),
        Long.parseLong(m.get("seq")),
        dm,
        dm ? 0 : Long.parseLong(m.get("size")),
        m.get("etag"),
        m.get("sha256"),
        m.get("contentType"),
        Instant.parse(m.get("lastModified")),
        meta,
        m.get("dataFile"),
        lock,
        sums);
  }
}
