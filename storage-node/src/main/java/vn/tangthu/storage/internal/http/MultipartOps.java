package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import vn.tangthu.storage.internal.auth.AuthContext;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.ChecksumAlgorithm;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.Multipart;
import vn.tangthu.storage.internal.store.NewObject;
import vn.tangthu.storage.internal.store.ObjectMeta;
import vn.tangthu.storage.internal.store.OpenedVersion;
import vn.tangthu.storage.internal.store.StagedBlob;

/** Multipart upload operations. */
final class MultipartOps {
  private final DiskStore store;
  private final Multipart multipart;
  private final ObjectOps objects;

  MultipartOps(DiskStore store, ObjectOps objects) {
    this.store = store;
    this.multipart = new Multipart(store);
    this.objects = objects;
  }

  void create(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    NewObject attrs = ObjectOps.attributes(ex, null);
    ObjectOps.checkRetainUntil(attrs, store.clock().instant());
    if (!b.objectLock() && (attrs.lock().mode() != null || attrs.lock().legalHold())) {
      throw S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
    }
    String algorithmName = ex.header("x-amz-checksum-algorithm");
    ChecksumAlgorithm algorithm = ChecksumAlgorithm.parse(algorithmName);
    if (algorithmName != null && algorithm == null) {
      throw S3Exception.invalidRequest("Checksum algorithm provided is unsupported.");
    }
    Multipart.Upload u =
        multipart.create(
            b, ex.key, auth.accessKey(), attrs, algorithm, ex.header("x-amz-checksum-type"));
    if (algorithm != null) {
      ex.setHeader("x-amz-checksum-algorithm", algorithm.name());
      ex.setHeader("x-amz-checksum-type", u.checksumType());
    }
    ex.sendXml(
        200,
        Xml.document("InitiateMultipartUploadResult")
            .elem("Bucket", b.name())
            .elem("Key", ex.key)
            .elem("UploadId", u.uploadId())
            .end("InitiateMultipartUploadResult"));
  }

  private Multipart.Upload upload(Exchange ex, BucketMeta b) {
    Multipart.Upload u = multipart.read(b.name(), ex.query.get("uploadId"));
    if (!u.key().equals(ex.key)) {
      throw S3Exception.noSuchUpload();
    }
    return u;
  }

  void uploadPart(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    Multipart.Upload u = upload(ex, b);
    int number;
    try {
      number = Integer.parseInt(ex.query.getOrDefault("partNumber", ""));
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument(
          "Part number must be an integer between 1 and 10000, inclusive");
    }
    if (ex.header("x-amz-copy-source") != null) {
      uploadPartCopy(ex, auth, b, number);
      return;
    }
    java.util.Set<String> also =
        u.checksumAlgorithm() == null ? Set.of() : Set.of(u.checksumAlgorithm().name());
    StagedBlob blob = BodyCheck.stage(store, ex, auth, false, also);
    Multipart.Part p = multipart.uploadPart(b.name(), ex.query.get("uploadId"), number, blob);
    ex.setHeader("ETag", Formats.quote(p.etag()));
    blob.checksums()
        .forEach(
            (k, v) -> ex.setHeader("x-amz-checksum-" + k.toLowerCase(java.util.Locale.ROOT), v));
    ex.sendEmpty(200);
  }

  /** UploadPartCopy: the part's bytes come from a stored object, or a byte range of it. */
  private void uploadPartCopy(Exchange ex, AuthContext auth, BucketMeta b, int number)
      throws IOException {
    ObjectOps.CopySource source = objects.copySource(ex, auth);
    StagedBlob blob;
    String sourceVersion;
    try (OpenedVersion v = objects.openSource(ex, source)) {
      ObjectMeta m = v.meta();
      sourceVersion = m.versionId();
      long[] range = copyRange(ex.header("x-amz-copy-source-range"), m.size());
      InputStream in =
          new RangeInputStream(
              Channels.newInputStream(v.channel().position(range[0])), range[1] - range[0]);
      if (range[0] == 0 && range[1] == m.size()) {
        in = new VerifyingInputStream(in, m);
      }
      Multipart.Upload u = upload(ex, b);
      blob =
          store.stage(
              in,
              u.checksumAlgorithm() == null
                  ? Set.of(Digests.DEFAULT_CHECKSUM)
                  : Set.of(u.checksumAlgorithm().name()));
    }
    Multipart.Part p = multipart.uploadPart(b.name(), ex.query.get("uploadId"), number, blob);
    if (source.bucket().versioned()) {
      ex.setHeader("x-amz-copy-source-version-id", sourceVersion);
    }
    Xml x =
        Xml.document("CopyPartResult")
            .elem("LastModified", Formats.iso(p.lastModified()))
            .elem("ETag", Formats.quote(p.etag()));
    checksumElements(x, p.checksums());
    ex.sendXml(200, x.end("CopyPartResult"));
  }

  /**
   * {@code x-amz-copy-source-range: bytes=first-last} as {@code [first, last + 1]}; the whole
   * object when absent.
   */
  static long[] copyRange(String header, long size) {
    if (header == null) {
      return new long[] {0, size};
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^bytes=(\\d{1,18})-(\\d{1,18})$").matcher(header.trim());
    if (!m.matches()) {
      throw S3Exception.invalidArgument(
          "The x-amz-copy-source-range value must be of the form bytes=first-last where first"
              + " and last are the zero-based offsets of the first and last bytes to copy");
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    if (first > last || last >= size) {
      throw new S3Exception(416, "InvalidRange", "The requested range is not satisfiable");
    }
    return new long[] {first, last + 1};
  }

  /** At most {@code remaining} bytes of the underlying stream. */
  private static final class RangeInputStream extends java.io.FilterInputStream {
    private long remaining;

    RangeInputStream(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }

  void complete(Exchange ex, BucketMeta b) throws IOException {
    Multipart.Upload u = upload(ex, b);
    Element root = Xml.parse(ex.smallBody(4 * 1024 * 1024));
    List<Multipart.CompletedPart> parts = new ArrayList<>();
    for (Element p : Xml.children(root, "Part")) {
      java.util.Map<String, String> sums = new java.util.TreeMap<>();
      for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
        String v = Xml.childText(p, a.xmlName());
        if (v != null) {
          sums.put(a.name(), v);
        }
      }
      try {
        parts.add(
            new Multipart.CompletedPart(
                Integer.parseInt(Xml.childText(p, "PartNumber")), Xml.childText(p, "ETag"), sums));
      } catch (NumberFormatException | NullPointerException e) {
        throw S3Exception.malformedXml();
      }
    }
    java.util.Map<String, String> expected = new java.util.TreeMap<>();
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      if (ex.header(a.header()) != null) {
        expected.put(a.name(), ex.header(a.header()));
      }
    }
    ObjectMeta m =
        multipart.complete(b, u.uploadId(), parts, expected, ObjectOps.writeCondition(ex));
    ObjectOps.versionHeader(ex, b, m);
    Xml x =
        Xml.document("CompleteMultipartUploadResult")
            .elem("Location", "/" + b.name() + "/" + ex.key)
            .elem("Bucket", b.name())
            .elem("Key", m.key())
            .elem("ETag", Formats.quote(m.etag()));
    checksumElements(x, m.checksums());
    if (!m.checksums().isEmpty()) {
      x.elem("ChecksumType", m.checksumType());
    }
    ex.sendXml(200, x.end("CompleteMultipartUploadResult"));
  }

  /** {@code <ChecksumCRC32>} etc. for each checksum, in S3's order. */
  static void checksumElements(Xml x, java.util.Map<String, String> checksums) {
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      x.elem(a.xmlName(), checksums.get(a.name()));
    }
  }

  void abort(Exchange ex, BucketMeta b) throws IOException {
    upload(ex, b);
    multipart.abort(b.name(), ex.query.get("uploadId"));
    ex.sendEmpty(204);
  }

  void listParts(Exchange ex, BucketMeta b) throws IOException {
    Multipart.Upload u = upload(ex, b);
    int marker = parseInt(ex.query.get("part-number-marker"), 0);
    int max = Math.min(parseInt(ex.query.get("max-parts"), 1000), 1000);
    List<Multipart.Part> all = multipart.parts(b.name(), u.uploadId());
    Xml x = Xml.document("ListPartsResult");
    x.elem("Bucket", b.name())
        .elem("Key", u.key())
        .elem("UploadId", u.uploadId())
        .open("Initiator")
        .elem("ID", u.owner())
        .elem("DisplayName", u.owner())
        .close("Initiator")
        .open("Owner")
        .elem("ID", u.owner())
        .elem("DisplayName", u.owner())
        .close("Owner")
        .elem("StorageClass", "STANDARD")
        .elem("PartNumberMarker", marker);
    if (u.checksumAlgorithm() != null) {
      x.elem("ChecksumAlgorithm", u.checksumAlgorithm().name())
          .elem("ChecksumType", u.checksumType());
    }
    List<Multipart.Part> page = new ArrayList<>();
    boolean truncated = false;
    for (Multipart.Part p : all) {
      if (p.number() <= marker) {
        continue;
      }
      if (page.size() >= max) {
        truncated = true;
        break;
      }
      page.add(p);
    }
    if (!page.isEmpty()) {
      x.elem("NextPartNumberMarker", page.get(page.size() - 1).number());
    }
    x.elem("MaxParts", max).elem("IsTruncated", truncated);
    for (Multipart.Part p : page) {
      x.open("Part")
          .elem("PartNumber", p.number())
          .elem("LastModified", Formats.iso(p.lastModified()))
          .elem("ETag", Formats.quote(p.etag()))
          .elem("Size", p.size());
      checksumElements(x, p.checksums());
      x.close("Part");
    }
    ex.sendXml(200, x.end("ListPartsResult"));
  }

  void listUploads(Exchange ex, BucketMeta b) throws IOException {
    String prefix = ex.query.getOrDefault("prefix", "");
    String keyMarker = ex.query.get("key-marker");
    int max = Math.min(parseInt(ex.query.get("max-uploads"), 1000), 1000);
    Xml x = Xml.document("ListMultipartUploadsResult");
    x.elem("Bucket", b.name())
        .elem("KeyMarker", keyMarker == null ? "" : keyMarker)
        .elem("UploadIdMarker", "")
        .elem("Prefix", prefix)
        .elem("MaxUploads", max);
    List<Multipart.Upload> page = new ArrayList<>();
    boolean truncated = false;
    for (Multipart.Upload u : multipart.uploads(b.name())) {
      if (!u.key().startsWith(prefix) || (keyMarker != null && u.key().compareTo(keyMarker) <= 0)) {
        continue;
      }
      if (page.size() >= max) {
        truncated = true;
        break;
      }
      page.add(u);
    }
    if (truncated) {
      x.elem("NextKeyMarker", page.get(page.size() - 1).key());
    }
    x.elem("IsTruncated", truncated);
    for (Multipart.Upload u : page) {
      x.open("Upload")
          .elem("Key", u.key())
          .elem("UploadId", u.uploadId())
          .open("Initiator")
          .elem("ID", u.owner())
          .elem("DisplayName", u.owner())
          .close("Initiator")
          .open("Owner")
          .elem("ID", u.owner())
          .elem("DisplayName", u.owner())
          .close("Owner")
          .elem("StorageClass", "STANDARD")
          .elem("Initiated", Formats.iso(u.initiated()))
          .close("Upload");
    }
    ex.sendXml(200, x.end("ListMultipartUploadsResult"));
  }

  private static int parseInt(String s, int dflt) {
    if (s == null || s.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument("Invalid integer " + s);
    }
  }
}
