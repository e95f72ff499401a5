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
 * @param userMetadata {@code x-amz-meta-*} values by lower-case name without the prefix, and the
 *     stored system headers (Cache-Control, Content-Disposition, ...) by name prefixed with {@code
 *     ':'}
 * @param dataFile file name of the bytes within the node directory (null for delete markers)
 * @param lock retention and legal hold
 * @param checksums base64 additional checksums by algorithm (composite ones end in {@code -N})
 * @param crc32c hex CRC32C of the bytes, checked by full GETs (null for versions written before it
 *     was recorded: their SHA-256 is checked instead)
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} when {@code checksums} is not empty
 * @param parts the parts of a version completed from a multipart upload, else empty
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
    Map<String, String> checksums,
    String crc32c,
    String checksumType,
    java.util.List<PartInfo> parts) {

  public static final String NULL_VERSION = "null";

  public ObjectMeta {
    Objects.requireNonNull(key);
    Objects.requireNonNull(versionId);
    Objects.requireNonNull(lastModified);
    userMetadata = Map.copyOf(userMetadata);
    checksums = Map.copyOf(checksums);
    lock = lock == null ? LockState.NONE : lock;
    parts = parts == null ? java.util.List.of() : java.util.List.copyOf(parts);
    if (checksumType == null && !checksums.isEmpty()) {
      checksumType = "FULL_OBJECT";
    }
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
        checksums,
        crc32c,
        checksumType,
        parts);
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
      if (sha256 != null) {
        m.put("sha256", sha256);
      }
      m.put("contentType", contentType);
      m.put("dataFile", dataFile);
    }
    userMetadata.forEach((k, v) -> m.put("meta." + k, v));
    checksums.forEach((k, v) -> m.put("checksum." + k, v));
    if (crc32c != null) {
      m.put("crc32c", crc32c);
    }
    if (checksumType != null && !checksums.isEmpty()) {
      m.put("checksumType", checksumType);
    }
    if (!parts.isEmpty()) {
      m.put("parts", Integer.toString(parts.size()));
      for (int i = 0; i < parts.size(); i++) {
        PartInfo p = parts.get(i);
        String prefix = String.format("part.%05d.", i + 1);
        m.put(prefix + "size", Long.toString(p.size()));
        m.put(prefix + "etag", p.etag());
        m.put(prefix + "sha256", p.sha256());
        m.put(prefix + "crc32c", p.crc32c());
        p.checksums().forEach((k, v) -> m.put(prefix + "checksum." + k, v));
      }
    }
    if (lock.mode() != null) {
      m.put("lock.mode", lock.mode());
      m.put("lock.retainUntil", lock.retainUntil().toString());
    }
    m.put("lock.legalHold", Boolean.toString(lock.legalHold()));
    return m;
  }

  /**
   * Parses what {@link Instant#toString()} wrote for a millisecond instant ({@code
   * yyyy-MM-ddTHH:mm:ss[.SSS]Z}) by hand, any other ISO-8601 instant with {@link Instant#parse}.
   */
  static Instant instant(String s) {
    int n = s.length();
    if ((n == 20 || n == 24)
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':'
        && s.charAt(n - 1) == 'Z'
        && (n == 20 || s.charAt(19) == '.')) {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      int hour = digits(s, 11, 13);
      int minute = digits(s, 14, 16);
      int second = digits(s, 17, 19);
      int millis = n == 24 ? digits(s, 20, 23) : 0;
      if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && millis >= 0) {
        try {
          return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
              .toInstant(java.time.ZoneOffset.UTC)
              .plusMillis(millis);
        } catch (java.time.DateTimeException e) {
          // not a valid date: let Instant.parse report it
        }
      }
    }
    return Instant.parse(s);
  }

  /** The decimal value of s[from, to), or -1 when a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The {@code part.NNNNN.*} entries of a sidecar, in one pass over them. */
  private static java.util.List<PartInfo> parts(Map<String, String> m) {
    int count = Integer.parseInt(m.getOrDefault("parts", "0"));
    if (count == 0) {
      return java.util.List.of();
    }
    long[] sizes = new long[count];
    String[][] fields = new String[count][3];
    java.util.List<Map<String, String>> sums = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sums.add(new TreeMap<>());
    }
    for (Map.Entry<String, String> e : m.entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("part.") || k.length() < 12 || k.charAt(10) != '.') {
        continue;
      }
      int i = Integer.parseInt(k.substring(5, 10)) - 1;
      if (i < 0 || i >= count) {
        continue;
      }
      String field = k.substring(11);
      switch (field) {
        case "size" -> sizes[i] = Long.parseLong(e.getValue());
        case "etag" -> fields[i][0] = e.getValue();
        case "sha256" -> fields[i][1] = e.getValue();
        case "crc32c" -> fields[i][2] = e.getValue();
        default -> {
          if (field.startsWith("checksum.")) {
            sums.get(i).put(field.substring(9), e.getValue());
          }
        }
      }
    }
    java.util.List<PartInfo> parts = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      parts.add(new PartInfo(sizes[i], fields[i][0], fields[i][1], fields[i][2], sums.get(i)));
    }
    return parts;
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
    java.util.List<PartInfo> parts = parts(m);
    return new ObjectMeta(
        m.get("key"),
        m.get("versionId"),
        Long.parseLong(m.get("seq")),
        dm,
        dm ? 0 : Long.parseLong(m.get("size")),
        m.get("etag"),
        m.get("sha256"),
        m.get("contentType"),
        instant(m.get("lastModified")),
        meta,
        m.get("dataFile"),
        lock,
        sums,
        m.get("crc32c"),
        m.get("checksumType"),
        parts);
  }
}
