package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.util.List;
import org.w3c.dom.Element;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.DeleteResult;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.DiskStore;

/**
 * DeleteObjects ({@code POST /bucket?delete}): up to 1000 keys, each deleted on its own (a refused
 * one is reported in the result, the others go on); keys are taken exactly as sent, whitespace
 * included.
 */
final class MultiDeleteOps {
  private final DiskStore store;

  MultiDeleteOps(DiskStore store) {
    this.store = store;
  }

  void deleteObjects(Exchange ex, BucketMeta b) throws IOException {
    byte[] body = ex.smallBody(2 * 1024 * 1024);
    String md5 = ex.header("Content-MD5");
    if (md5 != null) {
      byte[] actual = Digests.newDigest("MD5").digest(body);
      if (!java.util.Base64.getEncoder().encodeToString(actual).equals(md5.trim())) {
        throw S3Exception.badDigest(
            "The Content-MD5 you specified did not match what we received.");
      }
    }
    Element root = Xml.parse(body);
    boolean quiet = "true".equalsIgnoreCase(Xml.childText(root, "Quiet"));
    List<Element> objs = Xml.children(root, "Object");
    if (objs.size() > 1000) {
      throw S3Exception.malformedXml();
    }
    boolean bypass = "true".equalsIgnoreCase(ex.header("x-amz-bypass-governance-retention"));
    Xml x = Xml.document("DeleteResult");
    for (Element o : objs) {
      String key = Xml.childTextExact(o, "Key");
      String vid = Xml.childText(o, "VersionId");
      if (key == null) {
        throw S3Exception.malformedXml();
      }
      try {
        DeleteResult r = store.delete(b, key, vid == null || vid.isEmpty() ? null : vid, bypass);
        if (!quiet) {
          x.open("Deleted").elem("Key", key);
          if (vid != null) {
            x.elem("VersionId", vid);
          }
          if (r.deleteMarker()) {
            x.elem("DeleteMarker", true);
            if (vid == null && r.versionId() != null) {
              x.elem("DeleteMarkerVersionId", r.versionId());
            }
          }
          x.close("Deleted");
        }
      } catch (S3Exception e) {
        x.open("Error")
            .elem("Key", key)
            .elem("VersionId", vid)
            .elem("Code", e.code())
            .elem("Message", e.getMessage())
            .close("Error");
      }
    }
    ex.sendXml(200, x.end("DeleteResult"));
  }
}
