package vn.tangthu.storage.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.tangthu.storage.internal.auth.Encoding;
import vn.tangthu.storage.internal.auth.SigV4Verifier;
import vn.tangthu.storage.internal.post.FormReader;
import vn.tangthu.storage.internal.post.PostPolicy;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.Digests;
import vn.tangthu.storage.internal.store.DiskStore;
import vn.tangthu.storage.internal.store.LockState;
import vn.tangthu.storage.internal.store.NewObject;
import vn.tangthu.storage.internal.store.ObjectMeta;
import vn.tangthu.storage.internal.store.Precondition;
import vn.tangthu.storage.internal.store.StagedBlob;

/**
 * Browser-based uploads: {@code POST /bucket} with a {@code multipart/form-data} body whose policy
 * document is signed (SigV4 or SigV2) instead of the request. The fields are checked against the
 * policy, the file is streamed to staging (at most the policy's {@code content-length-range}) and
 * committed like a PUT; the answer follows {@code success_action_redirect} or {@code
 * success_action_status} (204 by default; 201 with a {@code PostResponse} document).
 */
final class PostOps {
  private final DiskStore store;
  private final SigV4Verifier verifier;
  private final Metrics metrics;

  PostOps(DiskStore store, SigV4Verifier verifier, Metrics metrics) {
    this.store = store;
    this.verifier = verifier;
    this.metrics = metrics;
  }

  /** Whether the request is a browser POST upload. */
  static boolean isPostUpload(Exchange ex) {
    return ex.method.equals("POST")
        && ex.key.isEmpty()
        && !ex.bucket.isEmpty()
        && ex.query.isEmpty()
        && FormReader.boundary(ex.header("Content-Type")) != null;
  }

  void upload(Exchange ex) throws IOException {
    FormReader form = new FormReader(ex.rawBody(), FormReader.boundary(ex.header("Content-Type")));
    InputStream file;
    try {
      file = form.readToFile();
    } catch (IllegalArgumentException e) {
      throw new S3Exception(
          400,
          "MalformedPOSTRequest",
          "The body of your POST request is not well-formed multipart/form-data.");
    }
    Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    fields.putAll(form.fields());
    Map<String, String> lower = new TreeMap<>();
    fields.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    String key = fields.get("key");
    if (key == null) {
      throw S3Exception.invalidArgument("Bucket POST must contain a field named 'key'.");
    }
    if (key.contains("${filename}")) {
      key = key.replace("${filename}", form.fileName() == null ? "" : form.fileName());
      fields.put("key", key);
    }
    String access = verifier.verifyPostPolicy(lower);
    BucketMeta b = store.requireBucket(ex.bucket);
    if (!b.owner().equals(access)) {
      throw S3Exception.accessDenied("Access Denied");
    }
    PostPolicy policy = PostPolicy.parse(lower.get("policy"));
    policy.check(fields, b.name(), store.clock().instant());
    StagedBlob blob =
        store.stage(new Limited(file, policy.maxLength()), Set.of(Digests.DEFAULT_CHECKSUM));
    ObjectMeta meta;
    try {
      policy.checkSize(blob.size());
      meta = store.put(b, key, blob, attributes(fields), Precondition.NONE);
    } catch (RuntimeException | IOException e) {
      store.discard(blob);
      throw e;
    }
    metrics.bytesIn(blob.size());
    answer(ex, b, meta, fields);
  }

  private static NewObject attributes(Map<String, String> fields) {
    Map<String, String> meta = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          String n = k.toLowerCase(Locale.ROOT);
          if (n.startsWith("x-amz-meta-")) {
            meta.put(n.substring(11), v);
          }
        });
    for (String h : Exchange.STORED_HEADERS) {
      String v = fields.get(h);
      if (v != null && !v.isEmpty()) {
        meta.put(":" + h, v);
      }
    }
    return new NewObject(fields.get("Content-Type"), meta, LockState.NONE, false, null);
  }

  private static void answer(Exchange ex, BucketMeta b, ObjectMeta meta, Map<String, String> fields)
      throws IOException {
    ex.setHeader("ETag", Formats.quote(meta.etag()));
    ObjectOps.versionHeader(ex, b, meta);
    String location = "/" + b.name() + "/" + Encoding.uriEncode(meta.key(), true);
    ex.setHeader("Location", location);
    String redirect = fields.get("success_action_redirect");
    if (redirect != null && !redirect.isEmpty()) {
      ex.setHeader(
          "Location",
          redirect
              + (redirect.contains("?") ? "&" : "?")
              + "bucket="
              + Encoding.uriEncode(b.name(), false)
              + "&key="
              + Encoding.uriEncode(meta.key(), false)
              + "&etag="
              + Encoding.uriEncode(Formats.quote(meta.etag()), false));
      ex.sendEmpty(303);
      return;
    }
    String status = fields.getOrDefault("success_action_status", "204");
    switch (status) {
      case "200" -> ex.sendEmpty(200);
      case "201" ->
          ex.sendXml(
              201,
              Xml.document("PostResponse")
                  .elem("Location", location)
                  .elem("Bucket", b.name())
                  .elem("Key", meta.key())
                  .elem("ETag", Formats.quote(meta.etag()))
                  .end("PostResponse"));
      default -> ex.sendEmpty(204);
    }
  }

  /** Fails once more than {@code max} bytes were read. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (left -= n) < 0) {
        throw new S3Exception(
            400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
      }
      return n;
    }
  }
}
