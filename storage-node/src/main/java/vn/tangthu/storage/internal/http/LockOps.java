package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.time.Instant;
import org.w3c.dom.Element;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.LockState;
import vn.tangthu.storage.internal.store.ObjectMeta;

/**
 * Object retention and legal hold. Retention in COMPLIANCE mode can only be extended; GOVERNANCE
 * can be shortened, removed or turned into COMPLIANCE only with {@code
 * x-amz-bypass-governance-retention: true}.
 */
final class LockOps {
  private final DiskStore store;

  LockOps(DiskStore store) {
    this.store = store;
  }

  private static void requireLock(BucketMeta b) {
    if (!b.objectLock()) {
      throw S3Exception.invalidRequest("Bucket is missing Object Lock Configuration");
    }
  }

  void putRetention(Exchange ex, BucketMeta b) throws IOException {
    requireLock(b);
    Element root = Xml.parse(ex.smallBody(64 * 1024));
    String mode = Xml.childText(root, "Mode");
    String untilText = Xml.childText(root, "RetainUntilDate");
    Instant until = Formats.parseIso(untilText);
    if ((mode == null) != (untilText == null)
        || (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE"))
        || (untilText != null && until == null)) {
      throw S3Exception.malformedXml();
    }
    Instant now = store.clock().instant();
    if (until != null && !until.isAfter(now)) {
      throw S3Exception.invalidArgument("The retain until date must be in the future");
    }
    boolean bypass = "true".equalsIgnoreCase(ex.header("x-amz-bypass-governance-retention"));
    LockState wanted = mode == null ? null : new LockState(mode, until, false);
    store.updateLock(
        b, ex.key, ex.query.get("versionId"), v -> v.withLock(change(v, wanted, bypass, now)));
    ex.sendEmpty(200);
  }

  static LockState change(ObjectMeta v, LockState wanted, boolean bypass, Instant now) {
    LockState cur = v.lock();
    boolean hold = cur.legalHold();
    if (cur.retainedAt(now)) {
      // shortening, removing or changing the mode (either way) of a protected version: never in
      // COMPLIANCE, only with the bypass header in GOVERNANCE (as S3 and Ceph RGW decide)
      boolean weakens =
          wanted == null
              || wanted.retainUntil().isBefore(cur.retainUntil())
              || !cur.mode().equals(wanted.mode());
      if (weakens && (cur.mode().equals("COMPLIANCE") || !bypass)) {
        throw S3Exception.accessDenied(
            "Object is WORM protected and its retention cannot be weakened");
      }
    }
    return wanted == null
        ? new LockState(null, null, hold)
        : new LockState(wanted.mode(), wanted.retainUntil(), hold);
  }

  void getRetention(Exchange ex, BucketMeta b) throws IOException {
    requireLock(b);
    ObjectMeta m = current(ex, b);
    if (m.lock().mode() == null) {
      throw new S3Exception(
          404,
          "NoSuchObjectLockConfiguration",
          "The specified object does not have a ObjectLock configuration");
    }
    ex.sendXml(
        200,
        Xml.document("Retention")
            .elem("Mode", m.lock().mode())
            .elem("RetainUntilDate", Formats.iso(m.lock().retainUntil()))
            .end("Retention"));
  }

  void putLegalHold(Exchange ex, BucketMeta b) throws IOException {
    requireLock(b);
    Element root = Xml.parse(ex.smallBody(64 * 1024));
    String status = Xml.childText(root, "Status");
    if (!"ON".equals(status) && !"OFF".equals(status)) {
      throw S3Exception.malformedXml();
    }
    boolean on = status.equals("ON");
    store.updateLock(
        b,
        ex.key,
        ex.query.get("versionId"),
        v -> v.withLock(new LockState(v.lock().mode(), v.lock().retainUntil(), on)));
    ex.sendEmpty(200);
  }

  void getLegalHold(Exchange ex, BucketMeta b) throws IOException {
    requireLock(b);
    ObjectMeta m = current(ex, b);
    ex.sendXml(
        200,
        Xml.document("LegalHold")
            .elem("Status", m.lock().legalHold() ? "ON" : "OFF")
            .end("LegalHold"));
  }

  private ObjectMeta current(Exchange ex, BucketMeta b) {
    String vid = ex.query.get("versionId");
    ObjectMeta m =
        vid == null
            ? store.latest(b.name(), ex.key).orElseThrow(S3Exception::noSuchKey)
            : store.version(b.name(), ex.key, vid).orElseThrow(S3Exception::noSuchVersion);
    if (m.deleteMarker()) {
      throw new S3Exception(
          405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
    return m;
  }
}
