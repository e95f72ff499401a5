package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.w3c.dom.Element;
import vn.tangthu.storage.internal.auth.AuthContext;
import vn.tangthu.storage.internal.auth.Encoding;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.Listing;
import vn.tangthu.storage.internal.store.ObjectMeta;

/** Bucket-level operations: create, list, versioning, lock configuration, listings. */
final class BucketOps {
  private final DiskStore store;
  private final Listing listing;
  private final String region;
  private final ObjectOps objects;

  BucketOps(DiskStore store, String region, ObjectOps objects) {
    this.store = store;
    this.listing = new Listing(store);
    this.region = region;
    this.objects = objects;
  }

  void create(Exchange ex, AuthContext auth) throws IOException {
    byte[] body = ex.smallBody(64 * 1024);
    if (body.length > 0) {
      Element root = Xml.parse(body);
      String location = Xml.childText(root, "LocationConstraint");
      if (location != null && !location.isEmpty() && !location.equals(region)) {
        throw new S3Exception(
            400,
            "InvalidLocationConstraint",
            "The specified location-constraint is not valid: " + location);
      }
    }
    boolean lock = "true".equalsIgnoreCase(ex.header("x-amz-bucket-object-lock-enabled"));
    store.createBucket(ex.bucket, auth.accessKey(), lock);
    ex.setHeader("Location", "/" + ex.bucket);
    ex.sendEmpty(200);
  }

  void listBuckets(Exchange ex, AuthContext auth) throws IOException {
    Xml x = Xml.document("ListAllMyBucketsResult");
    x.open("Owner")
        .elem("ID", auth.accessKey())
        .elem("DisplayName", auth.accessKey())
        .close("Owner");
    x.open("Buckets");
    for (BucketMeta b : store.buckets()) {
      if (b.owner().equals(auth.accessKey())) {
        x.open("Bucket")
            .elem("Name", b.name())
            .elem("CreationDate", Formats.iso(b.created()))
            .close("Bucket");
      }
    }
    x.close("Buckets");
    ex.sendXml(200, x.end("ListAllMyBucketsResult"));
  }

  void location(Exchange ex) throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\""
            + Xml.NS
            + "\">"
            + (region.equals("us-east-1") ? "" : region)
            + "</LocationConstraint>";
    ex.sendXml(200, xml);
  }

  void getVersioning(Exchange ex, BucketMeta b) throws IOException {
    Xml x = Xml.document("VersioningConfiguration");
    if (b.versioned()) {
      x.elem("Status", b.versioning());
    }
    ex.sendXml(200, x.end("VersioningConfiguration"));
  }

  void putVersioning(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    Element root = Xml.parse(ex.smallBody(64 * 1024));
    String status = Xml.childText(root, "Status");
    if (!"Enabled".equals(status) && !"Suspended".equals(status)) {
      throw S3Exception.malformedXml();
    }
    if (b.objectLock() && status.equals("Suspended")) {
      throw new S3Exception(
          409,
          "InvalidBucketState",
          "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.");
    }
    store.updateBucket(b.withVersioning(status));
    ex.sendEmpty(200);
  }

  void getLockConfiguration(Exchange ex, BucketMeta b) throws IOException {
    if (!b.objectLock()) {
      throw new S3Exception(
          404,
          "ObjectLockConfigurationNotFoundError",
          "Object Lock configuration does not exist for this bucket");
    }
    Xml x = Xml.document("ObjectLockConfiguration").elem("ObjectLockEnabled", "Enabled");
    if (b.defaultMode() != null) {
      x.open("Rule").open("DefaultRetention").elem("Mode", b.defaultMode());
      if (b.defaultDays() > 0) {
        x.elem("Days", b.defaultDays());
      }
      if (b.defaultYears() > 0) {
        x.elem("Years", b.defaultYears());
      }
      x.close("DefaultRetention").close("Rule");
    }
    ex.sendXml(200, x.end("ObjectLockConfiguration"));
  }

  void putLockConfiguration(Exchange ex, AuthContext auth, BucketMeta b) throws IOException {
    Element root = Xml.parse(ex.smallBody(64 * 1024));
    if (!"Enabled".equals(Xml.childText(root, "ObjectLockEnabled"))) {
      throw S3Exception.malformedXml();
    }
    if (!b.objectLock() && !b.versioningEnabled()) {
      throw new S3Exception(
          409,
          "InvalidBucketState",
          "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
    }
    String mode = null;
    int days = 0;
    int years = 0;
    var rules = Xml.children(root, "Rule");
    if (!rules.isEmpty()) {
      var dr = Xml.children(rules.get(0), "DefaultRetention");
      if (dr.isEmpty()) {
        throw S3Exception.malformedXml();
      }
      mode = Xml.childText(dr.get(0), "Mode");
      String d = Xml.childText(dr.get(0), "Days");
      String y = Xml.childText(dr.get(0), "Years");
      if (!"GOVERNANCE".equals(mode) && !"COMPLIANCE".equals(mode)) {
        throw S3Exception.malformedXml();
      }
      try {
        days = d == null ? 0 : Integer.parseInt(d);
        years = y == null ? 0 : Integer.parseInt(y);
      } catch (NumberFormatException e) {
        throw S3Exception.malformedXml();
      }
      if ((d == null) == (y == null)) {
        // both, or neither: S3 and Ceph RGW answer MalformedXML
        throw S3Exception.malformedXml();
      }
      if (days < 0 || years < 0 || (d != null && days == 0) || (y != null && years == 0)) {
        throw new S3Exception(
            400, "InvalidRetentionPeriod", "Default retention period must be a positive integer");
      }
    }
    store.updateBucket(b.withObjectLock().withDefaultRetention(mode, days, years));
    ex.sendEmpty(200);
  }

  private static int maxKeys(Exchange ex) {
    String m = ex.query.get("max-keys");
    if (m == null) {
      return 1000;
    }
    try {
      int v = Integer.parseInt(m);
      if (v < 0) {
        throw S3Exception.invalidArgument("max-keys must be a non-negative integer");
      }
      return Math.min(v, 1000);
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument("max-keys must be an integer");
    }
  }

  private static String enc(String s, boolean url) {
    return s == null ? null : url ? Encoding.uriEncode(s, true) : s;
  }

  void listV2(Exchange ex, BucketMeta b) throws IOException {
    String prefix = ex.query.getOrDefault("prefix", "");
    String delimiter = ex.query.get("delimiter");
    String token = ex.query.get("continuation-token");
    String startAfter = ex.query.get("start-after");
    boolean url = "url".equals(ex.query.get("encoding-type"));
    int max = maxKeys(ex);
    String after = startAfter;
    boolean afterIsPrefix = false;
    if (token != null) {
      String t;
      try {
        t = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw S3Exception.invalidArgument("The continuation token provided is incorrect");
      }
      if (t.isEmpty() || (t.charAt(0) != 'K' && t.charAt(0) != 'P')) {
        throw S3Exception.invalidArgument("The continuation token provided is incorrect");
      }
      afterIsPrefix = t.charAt(0) == 'P';
      after = t.substring(1);
    }
    Listing.Page page = listing.list(b.name(), prefix, delimiter, after, afterIsPrefix, max);
    Xml x = Xml.document("ListBucketResult");
    x.elem("Name", b.name()).elem("Prefix", enc(prefix, url));
    if (token != null) {
      x.elem("ContinuationToken", token);
    }
    if (startAfter != null) {
      x.elem("StartAfter", enc(startAfter, url));
    }
    x.elem("KeyCount", page.objects().size() + page.prefixes().size()).elem("MaxKeys", max);
    if (delimiter != null) {
      x.elem("Delimiter", enc(delimiter, url));
    }
    if (url) {
      x.elem("EncodingType", "url");
    }
    x.elem("IsTruncated", page.truncated());
    if (page.truncated()) {
      String next = (page.lastIsPrefix() ? "P" : "K") + page.lastEntry();
      x.elem(
          "NextContinuationToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(next.getBytes(StandardCharsets.UTF_8)));
    }
    contents(x, page, url, "true".equals(ex.query.get("fetch-owner")) ? b.owner() : null);
    ex.sendXml(200, x.end("ListBucketResult"));
  }

  void listV1(Exchange ex, BucketMeta b) throws IOException {
    String prefix = ex.query.getOrDefault("prefix", "");
    String delimiter = ex.query.get("delimiter");
    String marker = ex.query.get("marker");
    boolean url = "url".equals(ex.query.get("encoding-type"));
    int max = maxKeys(ex);
    Listing.Page page = listing.list(b.name(), prefix, delimiter, marker, false, max);
    Xml x = Xml.document("ListBucketResult");
    x.elem("Name", b.name())
        .elem("Prefix", enc(prefix, url))
        .elem("Marker", enc(marker == null ? "" : marker, url));
    x.elem("MaxKeys", max);
    if (delimiter != null) {
      x.elem("Delimiter", enc(delimiter, url));
    }
    if (url) {
      x.elem("EncodingType", "url");
    }
    x.elem("IsTruncated", page.truncated());
    if (page.truncated() && delimiter != null) {
      x.elem("NextMarker", enc(page.lastEntry(), url));
    }
    contents(x, page, url, b.owner());
    ex.sendXml(200, x.end("ListBucketResult"));
  }

  /**
   * @param owner the bucket owner to name in each entry (ListObjects V1 always, V2 with {@code
   *     fetch-owner=true}), or null
   */
  private static void contents(Xml x, Listing.Page page, boolean url, String owner) {
    for (ObjectMeta m : page.objects()) {
      x.open("Contents")
          .elem("Key", enc(m.key(), url))
          .elem("LastModified", Formats.iso(m.lastModified()))
          .elem("ETag", Formats.quote(m.etag()))
          .elem("Size", m.size())
          .elem("StorageClass", "STANDARD");
      if (owner != null) {
        x.open("Owner").elem("ID", owner).elem("DisplayName", owner).close("Owner");
      }
      for (String algorithm : m.checksums().keySet()) {
        x.elem("ChecksumAlgorithm", algorithm);
      }
      if (!m.checksums().isEmpty()) {
        x.elem("ChecksumType", m.checksumType());
      }
      x.close("Contents");
    }
    for (String p : page.prefixes()) {
      x.open("CommonPrefixes").elem("Prefix", enc(p, url)).close("CommonPrefixes");
    }
  }

  void listVersions(Exchange ex, BucketMeta b) throws IOException {
    String prefix = ex.query.getOrDefault("prefix", "");
    String delimiter = ex.query.get("delimiter");
    String keyMarker = ex.query.get("key-marker");
    String vidMarker = ex.query.get("version-id-marker");
    boolean url = "url".equals(ex.query.get("encoding-type"));
    int max = maxKeys(ex);
    Listing.VersionPage page =
        listing.listVersions(b.name(), prefix, delimiter, keyMarker, vidMarker, max);
    Xml x = Xml.document("ListVersionsResult");
    x.elem("Name", b.name())
        .elem("Prefix", enc(prefix, url))
        .elem("KeyMarker", enc(keyMarker == null ? "" : keyMarker, url))
        .elem("VersionIdMarker", vidMarker == null ? "" : vidMarker)
        .elem("MaxKeys", max);
    if (delimiter != null) {
      x.elem("Delimiter", enc(delimiter, url));
    }
    if (url) {
      x.elem("EncodingType", "url");
    }
    x.elem("IsTruncated", page.truncated());
    if (page.truncated()) {
      x.elem("NextKeyMarker", enc(page.lastKey(), url));
      if (page.lastVersionId() != null) {
        x.elem("NextVersionIdMarker", page.lastVersionId());
      }
    }
    String previousKey = null;
    for (ObjectMeta m : page.versions()) {
      boolean latest = !m.key().equals(previousKey) && isLatest(b, m);
      previousKey = m.key();
      String tag = m.deleteMarker() ? "DeleteMarker" : "Version";
      x.open(tag)
          .elem("Key", enc(m.key(), url))
          .elem("VersionId", m.versionId())
          .elem("IsLatest", latest)
          .elem("LastModified", Formats.iso(m.lastModified()));
      if (!m.deleteMarker()) {
        x.elem("ETag", Formats.quote(m.etag()))
            .elem("Size", m.size())
            .elem("StorageClass", "STANDARD");
      }
      x.open("Owner").elem("ID", b.owner()).elem("DisplayName", b.owner()).close("Owner");
      x.close(tag);
    }
    for (String p : page.prefixes()) {
      x.open("CommonPrefixes").elem("Prefix", enc(p, url)).close("CommonPrefixes");
    }
    ex.sendXml(200, x.end("ListVersionsResult"));
  }

  private boolean isLatest(BucketMeta b, ObjectMeta m) {
    return store
        .latest(b.name(), m.key())
        .map(l -> l.versionId().equals(m.versionId()))
        .orElse(false);
  }
}
