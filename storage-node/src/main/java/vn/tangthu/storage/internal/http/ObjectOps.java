package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tangthu.storage.internal.auth.AuthContext;
import vn.tangthu.storage.internal.auth.Encoding;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.ChecksumAlgorithm;
import vn.tangthu.storage.internal.store.DeleteResult;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.LockState;
import vn.tangthu.storage.internal.store.NewObject;
import vn.tangthu.storage.internal.store.ObjectMeta;
import vn.tangthu.storage.internal.store.OpenedVersion;
import vn.tangthu.storage.internal.store.Precondition;
import vn.tangthu.storage.internal.store.StagedBlob;

/** Object operations: put, get/head (ranges, conditions, integrity), delete, multi-delete, copy. */
final class ObjectOps {
  private final DiskStore store;
  private final Metrics metrics;
  private final ObjectStreamer streamer;

  /**
   * @param hashers runs the SHA-256 check of large GETs beside the network writes
   */
  ObjectOps(DiskStore store, Metrics metrics, java.util.concurrent.Executor hashers) {
    this.store = store;
    this.metrics = metrics;
    this.streamer = new ObjectStreamer(hashers);
  }

  InputStream body(Exchange ex, AuthContext auth) {
    return BodyCheck.body(ex, auth);
  }

  /** Attributes of a new object from request headers. */
  static NewObject attributes(Exchange ex, String etag) {
    String mode = ex.header("x-amz-object-lock-mode");
    String until = ex.header("x-amz-object-lock-retain-until-date");
    String hold = ex.header("x-amz-object-lock-legal-hold");
    LockState lock;
    if ((mode == null) != (until == null)) {
      throw S3Exception.invalidArgument(
          "x-amz-object-lock-mode and x-amz-object-lock-retain-until-date must be given together");
    }
    Instant u = null;
    if (until != null) {
      u = Formats.parseIso(until);
      if (u == null) {
        throw S3Exception.invalidArgument("Invalid x-amz-object-lock-retain-until-date");
      }
    }
    if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
      throw S3Exception.invalidArgument("Unknown x-amz-object-lock-mode");
    }
    if (hold != null && !hold.equals("ON") && !hold.equals("OFF")) {
      throw S3Exception.invalidArgument("Unknown x-amz-object-lock-legal-hold");
    }
    lock = new LockState(mode, u, "ON".equals(hold));
    return new NewObject(ex.header("Content-Type"), ex.userMetadata(), lock, mode != null, etag);
  }

  static void checkRetainUntil(NewObject attrs, Instant now) {
    if (attrs.lock().mode() != null && !attrs.lock().retainUntil().isAfter(now)) {
      throw S3Exception.invalidArgument("The retain until date must be in the future");
    }
  }

  void put(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    NewObject attrs = attributes(ex, null);
    checkRetainUntil(attrs, store.clock().instant());
    Precondition cond = writeCondition(ex);
    StagedBlob blob = BodyCheck.stage(store, ex, auth, true);
    metrics.bytesIn(blob.size());
    ObjectMeta meta;
    try {
      meta = store.put(b, ex.key, blob, attrs, cond);
    } catch (RuntimeException | IOException e) {
      store.discard(blob);
      throw e;
    }
    ex.setHeader("ETag", Formats.quote(meta.etag()));
    versionHeader(ex, b, meta);
    checksumHeaders(ex, meta.checksums(), meta.checksumType());
    ex.sendEmpty(200);
  }

  /** {@code x-amz-checksum-*} and, when there is one, {@code x-amz-checksum-type}. */
  static void checksumHeaders(Exchange ex, Map<String, String> checksums, String type) {
    checksums.forEach((k, v) -> ex.setHeader("x-amz-checksum-" + k.toLowerCase(Locale.ROOT), v));
    if (!checksums.isEmpty()) {
      ex.setHeader("x-amz-checksum-type", type == null ? "FULL_OBJECT" : type);
    }
  }

  /** If-Match / If-None-Match on writes. */
  static Precondition writeCondition(Exchange ex) {
    String ifMatch = ex.header("If-Match");
    String ifNoneMatch = ex.header("If-None-Match");
    if (ifMatch == null && ifNoneMatch == null) {
      return Precondition.NONE;
    }
    return current -> {
      if (ifNoneMatch != null
          && current != null
          && (ifNoneMatch.trim().equals("*") || etagMatches(ifNoneMatch, current.etag()))) {
        throw S3Exception.preconditionFailed();
      }
      if (ifMatch != null && (current == null || !etagMatches(ifMatch, current.etag()))) {
        if (current == null) {
          throw S3Exception.noSuchKey();
        }
        throw S3Exception.preconditionFailed();
      }
    };
  }

  static boolean etagMatches(String header, String etag) {
    for (String t : header.split(",")) {
      String v = t.trim();
      if (v.startsWith("W/")) {
        v = v.substring(2);
      }
      v = v.replace("\"", "");
      if (v.equals("*") || v.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  static void versionHeader(Exchange ex, BucketMeta b, ObjectMeta m) {
    if (b.versioned()) {
      ex.setHeader("x-amz-version-id", m.versionId());
    }
  }

  /** Resolves the version a GET/HEAD/copy addresses, answering S3's delete-marker rules. */
  ObjectMeta resolve(Exchange ex, BucketMeta b, String key, String versionId) {
    if (versionId == null) {
      ObjectMeta m = store.latest(b.name(), key).orElseThrow(S3Exception::noSuchKey);
      if (m.deleteMarker()) {
        ex.setHeader("x-amz-delete-marker", "true");
        versionHeader(ex, b, m);
        throw S3Exception.noSuchKey();
      }
      return m;
    }
    ObjectMeta m = store.version(b.name(), key, versionId).orElseThrow(S3Exception::noSuchVersion);
    if (m.deleteMarker()) {
      ex.setHeader("x-amz-delete-marker", "true");
      ex.setHeader("x-amz-version-id", m.versionId());
      ex.setHeader("Last-Modified", Formats.http(m.lastModified()));
      throw new S3Exception(
          405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
    return m;
  }

  void get(Exchange ex, BucketMeta b) throws IOException {
    String vid = ex.query.get("versionId");
    if (ex.method.equals("HEAD")) {
      respond(ex, b, resolve(ex, b, ex.key, vid), null);
      return;
    }
    try (OpenedVersion v = store.open(b.name(), () -> resolve(ex, b, ex.key, vid))) {
      respond(ex, b, v.meta(), v.channel());
    }
  }

  /** Answers a GET ({@code data} open) or a HEAD ({@code data} null) of version {@code m}. */
  private void respond(Exchange ex, BucketMeta b, ObjectMeta m, FileChannel data)
      throws IOException {
    objectHeaders(ex, b, m);
    if (!readConditions(ex, m)) {
      ex.sendEmpty(304);
      return;
    }
    PartRange part = PartRange.of(ex.query.get("partNumber"), ex.header("Range"), m);
    Range range = part != null ? part.range() : Range.parse(ex.header("Range"), m.size());
    if (range != null && range.unsatisfiable()) {
      ex.setHeader("Content-Range", "bytes */" + m.size());
      throw new S3Exception(416, "InvalidRange", "The requested range is not satisfiable");
    }
    if ("ENABLED".equalsIgnoreCase(ex.header("x-amz-checksum-mode"))) {
      responseChecksums(ex, m, part, range);
    }
    if (part != null && !m.parts().isEmpty()) {
      ex.setHeader("x-amz-mp-parts-count", Integer.toString(m.parts().size()));
    }
    overrides(ex);
    long offset = range == null ? 0 : range.first();
    long length = range == null ? m.size() : range.length();
    ex.setHeader("Content-Length", Long.toString(length));
    if (range != null) {
      ex.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + m.size());
    }
    int status = range == null ? 200 : 206;
    if (data == null) {
      ex.finishHead(status);
      return;
    }
    if (data.size() != m.size()) {
      throw S3Exception.internal("Stored object failed its integrity check (size)");
    }
    ex.status(status);
    ObjectStreamer.Sink sink =
        (buf, last) -> {
          int n = buf.remaining();
          ex.write(buf, last);
          metrics.bytesOut(n);
        };
    // partNumber=1 of a single-part object is a range over all of it: checked like a full GET
    boolean whole = range == null || (range.first() == 0 && length == m.size());
    if (whole && m.crc32c() != null && length > 0) {
      streamer.sendCrc32cVerified(data, length, m.crc32c(), sink);
    } else {
      streamer.send(data, offset, length, whole ? m.sha256() : null, sink);
    }
  }

  /**
   * The checksums a GET or HEAD answers with {@code x-amz-checksum-mode: ENABLED}: the object's for
   * the whole object, a part's for a part of a composite one, none for a byte range.
   */
  private static void responseChecksums(Exchange ex, ObjectMeta m, PartRange part, Range range) {
    if (part != null && !m.parts().isEmpty()) {
      if ("COMPOSITE".equals(m.checksumType())) {
        checksumHeaders(ex, m.parts().get(part.number() - 1).checksums(), "COMPOSITE");
      }
      return;
    }
    if (range != null && part == null) {
      return;
    }
    checksumHeaders(ex, m.checksums(), m.checksumType());
    if (m.checksums().isEmpty() && m.sha256() != null) {
      ex.setHeader(
          "x-amz-checksum-sha256",
          java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.sha256())));
      ex.setHeader("x-amz-checksum-type", "FULL_OBJECT");
    }
  }

  private static void overrides(Exchange ex) {
    String[][] map = {
      {"response-content-type", "Content-Type"},
      {"response-content-disposition", "Content-Disposition"},
      {"response-content-encoding", "Content-Encoding"},
      {"response-content-language", "Content-Language"},
      {"response-cache-control", "Cache-Control"},
      {"response-expires", "Expires"},
    };
    for (String[] m : map) {
      String v = ex.query.get(m[0]);
      if (v != null) {
        ex.setHeader(m[1], v);
      }
    }
  }

  static void objectHeaders(Exchange ex, BucketMeta b, ObjectMeta m) {
    ex.setHeader("ETag", Formats.quote(m.etag()));
    ex.setHeader("Last-Modified", Formats.http(m.lastModified()));
    ex.setHeader("Content-Type", m.contentType());
    ex.setHeader("Accept-Ranges", "bytes");
    versionHeader(ex, b, m);
    for (Map.Entry<String, String> e : m.userMetadata().entrySet()) {
      if (e.getKey().startsWith(":")) {
        ex.setHeader(e.getKey().substring(1), e.getValue());
      } else {
        ex.setHeader("x-amz-meta-" + e.getKey(), e.getValue());
      }
    }
    LockState l = m.lock();
    if (l.mode() != null) {
      ex.setHeader("x-amz-object-lock-mode", l.mode());
      ex.setHeader("x-amz-object-lock-retain-until-date", Formats.iso(l.retainUntil()));
    }
    if (b.objectLock()) {
      ex.setHeader("x-amz-object-lock-legal-hold", l.legalHold() ? "ON" : "OFF");
    }
  }

  /** Evaluates conditional GET headers: false means 304; throws 412. */
  static boolean readConditions(Exchange ex, ObjectMeta m) {
    String ifMatch = ex.header("If-Match");
    String ifNoneMatch = ex.header("If-None-Match");
    Instant ims = Formats.parseHttp(ex.header("If-Modified-Since"));
    Instant ius = Formats.parseHttp(ex.header("If-Unmodified-Since"));
    Instant lm = m.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (ifMatch != null) {
      if (!etagMatches(ifMatch, m.etag())) {
        throw S3Exception.preconditionFailed();
      }
    } else if (ius != null && lm.isAfter(ius)) {
      throw S3Exception.preconditionFailed();
    }
    if (ifNoneMatch != null) {
      return !etagMatches(ifNoneMatch, m.etag());
    }
    return ims == null || lm.isAfter(ims);
  }

  void delete(Exchange ex, BucketMeta b) throws IOException {
    String vid = ex.query.get("versionId");
    boolean bypass = "true".equalsIgnoreCase(ex.header("x-amz-bypass-governance-retention"));
    DeleteResult r = store.delete(b, ex.key, vid, bypass);
    if (b.versioned() && r.versionId() != null) {
      ex.setHeader("x-amz-version-id", r.versionId());
    }
    if (r.deleteMarker()) {
      ex.setHeader("x-amz-delete-marker", "true");
    }
    ex.sendEmpty(204);
  }

  /** The object named by {@code x-amz-copy-source}. */
  record CopySource(BucketMeta bucket, String key, String versionId) {}

  /**
   * Parses {@code x-amz-copy-source} ({@code bucket/key[?versionId=id]}); the source bucket must
   * belong to the caller.
   */
  CopySource copySource(Exchange ex, AuthContext auth) {
    String source = Encoding.decode(ex.header("x-amz-copy-source"), false);
    String vid = null;
    int q = source.indexOf("?versionId=");
    if (q >= 0) {
      vid = source.substring(q + 11);
      source = source.substring(0, q);
    }
    if (source.startsWith("/")) {
      source = source.substring(1);
    }
    int slash = source.indexOf('/');
    if (slash <= 0 || slash == source.length() - 1) {
      throw S3Exception.invalidArgument(
          "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
    }
    BucketMeta sb = store.requireBucket(source.substring(0, slash));
    if (!sb.owner().equals(auth.accessKey())) {
      throw S3Exception.accessDenied("Access Denied");
    }
    return new CopySource(sb, source.substring(slash + 1), vid);
  }

  /**
   * Opens the copy source and checks the {@code x-amz-copy-source-if-*} conditions.
   *
   * @throws S3Exception NoSuchKey, NoSuchVersion, PreconditionFailed
   */
  OpenedVersion openSource(Exchange ex, CopySource s) throws IOException {
    OpenedVersion v =
        store.open(s.bucket().name(), () -> resolve(ex, s.bucket(), s.key(), s.versionId()));
    try {
      copyConditions(ex, v.meta());
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
    return v;
  }

  void copy(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    CopySource source = copySource(ex, auth);
    try (OpenedVersion opened = openSource(ex, source)) {
      copy(ex, b, source.bucket(), opened);
    }
  }

  private void copy(Exchange ex, BucketMeta b, BucketMeta sb, OpenedVersion opened)
      throws IOException {
    ObjectMeta src = opened.meta();
    boolean replace = "REPLACE".equalsIgnoreCase(ex.header("x-amz-metadata-directive"));
    if (sb.name().equals(b.name()) && src.key().equals(ex.key) && !replace && !changesObject(ex)) {
      boolean current =
          store
              .latest(b.name(), ex.key)
              .map(l -> l.versionId().equals(src.versionId()))
              .orElse(true);
      if (current) {
        throw S3Exception.invalidRequest(
            "This copy request is illegal because it is trying to copy an object to itself"
                + " without changing the object's metadata, storage class, website redirect"
                + " location or encryption attributes.");
      }
    }
    NewObject requested = attributes(ex, null);
    NewObject attrs =
        replace
            ? requested
            : new NewObject(
                src.contentType(),
                src.userMetadata(),
                requested.lock(),
                requested.explicitLock(),
                null);
    checkRetainUntil(attrs, store.clock().instant());
    StagedBlob blob;
    try (InputStream in =
        new VerifyingInputStream(
            java.nio.channels.Channels.newInputStream(opened.channel()), src)) {
      ChecksumAlgorithm wanted = ChecksumAlgorithm.parse(ex.header("x-amz-checksum-algorithm"));
      blob =
          store.stage(
              in,
              wanted != null ? Set.of(wanted.name()) : Digests.orDefault(src.checksums().keySet()));
    }
    ObjectMeta meta;
    try {
      meta = store.put(b, ex.key, blob, attrs, Precondition.NONE);
    } catch (RuntimeException | IOException e) {
      store.discard(blob);
      throw e;
    }
    versionHeader(ex, b, meta);
    if (sb.versioned()) {
      ex.setHeader("x-amz-copy-source-version-id", src.versionId());
    }
    ex.sendXml(
        200,
        Xml.document("CopyObjectResult")
            .elem("LastModified", Formats.iso(meta.lastModified()))
            .elem("ETag", Formats.quote(meta.etag()))
            .end("CopyObjectResult"));
  }

  /** Whether a copy onto the same key changes something S3 counts (then it is allowed). */
  private static boolean changesObject(Exchange ex) {
    return ex.header("x-amz-storage-class") != null
        || ex.header("x-amz-website-redirect-location") != null
        || ex.header("x-amz-server-side-encryption") != null
        || ex.header("x-amz-checksum-algorithm") != null;
  }

  private static void copyConditions(Exchange ex, ObjectMeta m) {
    String ifMatch = ex.header("x-amz-copy-source-if-match");
    String ifNoneMatch = ex.header("x-amz-copy-source-if-none-match");
    Instant ims = Formats.parseHttp(ex.header("x-amz-copy-source-if-modified-since"));
    Instant ius = Formats.parseHttp(ex.header("x-amz-copy-source-if-unmodified-since"));
    Instant lm = m.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if ((ifMatch != null && !etagMatches(ifMatch, m.etag()))
        || (ifNoneMatch != null && etagMatches(ifNoneMatch, m.etag()))
        || (ius != null && ifMatch == null && lm.isAfter(ius))
        || (ims != null && ifNoneMatch == null && !lm.isAfter(ims))) {
      throw S3Exception.preconditionFailed();
    }
  }
}
