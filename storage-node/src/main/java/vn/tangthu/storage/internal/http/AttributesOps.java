package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.ObjectMeta;
import vn.tangthu.storage.internal.store.PartInfo;

/**
 * GetObjectAttributes ({@code GET /bucket/key?attributes}): the attributes {@code
 * x-amz-object-attributes} names (ETag, Checksum, ObjectParts, StorageClass, ObjectSize) without
 * the body; object parts are paged with {@code x-amz-max-parts} and {@code
 * x-amz-part-number-marker}.
 */
final class AttributesOps {
  private static final Set<String> KNOWN =
      Set.of("etag", "checksum", "objectparts", "storageclass", "objectsize");

  private final ObjectOps objects;

  AttributesOps(ObjectOps objects) {
    this.objects = objects;
  }

  void get(Exchange ex, BucketMeta b) throws IOException {
    Set<String> wanted = attributes(ex.headerValues("x-amz-object-attributes"));
    int max = number(ex.header("x-amz-max-parts"), 1000, "x-amz-max-parts");
    int marker = number(ex.header("x-amz-part-number-marker"), 0, "x-amz-part-number-marker");
    ObjectMeta m = objects.resolve(ex, b, ex.key, ex.query.get("versionId"));
    ex.setHeader("Last-Modified", Formats.http(m.lastModified()));
    ObjectOps.versionHeader(ex, b, m);
    Xml x = Xml.document("GetObjectAttributesResponse");
    if (wanted.contains("etag")) {
      x.elem("ETag", m.etag());
    }
    if (wanted.contains("checksum") && !m.checksums().isEmpty()) {
      x.open("Checksum");
      MultipartOps.checksumElements(x, m.checksums());
      x.elem("ChecksumType", m.checksumType()).close("Checksum");
    }
    if (wanted.contains("objectparts") && !m.parts().isEmpty()) {
      parts(x, m, marker, Math.min(max, 1000));
    }
    if (wanted.contains("storageclass")) {
      x.elem("StorageClass", "STANDARD");
    }
    if (wanted.contains("objectsize")) {
      x.elem("ObjectSize", m.size());
    }
    ex.sendXml(200, x.end("GetObjectAttributesResponse"));
  }

  private static void parts(Xml x, ObjectMeta m, int marker, int max) {
    int total = m.parts().size();
    x.open("ObjectParts").elem("PartsCount", total).elem("PartNumberMarker", marker);
    int last = Math.min(total, marker + max);
    if (marker < last) {
      x.elem("NextPartNumberMarker", last);
    }
    x.elem("MaxParts", max).elem("IsTruncated", last < total);
    for (int n = marker + 1; n <= last; n++) {
      PartInfo p = m.parts().get(n - 1);
      x.open("Part");
      MultipartOps.checksumElements(x, p.checksums());
      x.elem("PartNumber", n).elem("Size", p.size()).close("Part");
    }
    x.close("ObjectParts");
  }

  /** The attributes named (case-insensitive, comma-separated, one or more header lines). */
  static Set<String> attributes(java.util.List<String> headers) {
    Set<String> wanted = new HashSet<>();
    for (String h : headers) {
      for (String a : h.split(",")) {
        String name = a.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        if (!KNOWN.contains(name)) {
          throw S3Exception.invalidArgument("Invalid attribute name specified: " + a.trim());
        }
        wanted.add(name);
      }
    }
    if (wanted.isEmpty()) {
      throw S3Exception.invalidArgument(
          "The x-amz-object-attributes header specifying the attributes to be retrieved is"
              + " either missing or empty");
    }
    return wanted;
  }

  private static int number(String value, int dflt, String name) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(value.trim());
      if (v < 0) {
        throw new NumberFormatException(value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw S3Exception.invalidArgument("Invalid " + name + " " + value);
    }
  }
}
