package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.storage.internal.auth.AuthContext;
import vn.tangthu.storage.internal.auth.SigV4Verifier;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.DiskStore;

/**
 * Jetty core handler serving the S3 API (path-style addressing), {@code /health} and {@code
 * /metrics}. Blocking: each request runs on a pool thread.
 */
public final class S3Handler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(S3Handler.class);
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "acl",
          "policy",
          "lifecycle",
          "encryption",
          "replication",
          "website",
          "logging",
          "notification",
          "tagging",
          "requestPayment",
          "accelerate",
          "ownershipControls",
          "publicAccessBlock",
          "analytics",
          "metrics",
          "inventory",
          "intelligent-tiering",
          "select",
          "restore",
          "torrent",
          "policyStatus");

  private final DiskStore store;
  private final SigV4Verifier verifier;
  private final Metrics metrics;
  private final String region;
  private final BucketOps buckets;
  private final ObjectOps objects;
  private final MultipartOps multipart;
  private final LockOps locks;
  private final AttributesOps attributes;
  private final CorsOps cors;
  private final PostOps posts;
  private final MultiDeleteOps multiDelete;
  private final AtomicLong requestIds = new AtomicLong(System.nanoTime());

  /**
   * @param hashers threads that check the SHA-256 of large GETs while they are sent
   */
  public S3Handler(
      DiskStore store,
      SigV4Verifier verifier,
      Metrics metrics,
      String region,
      java.util.concurrent.Executor hashers) {
    this.store = store;
    this.verifier = verifier;
    this.metrics = metrics;
    this.region = region;
    this.objects = new ObjectOps(store, metrics, hashers);
    this.buckets = new BucketOps(store, region, objects);
    this.multipart = new MultipartOps(store, objects);
    this.locks = new LockOps(store);
    this.attributes = new AttributesOps(objects);
    this.cors = new CorsOps(store);
    this.posts = new PostOps(store, verifier, metrics);
    this.multiDelete = new MultiDeleteOps(store);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String id = Long.toHexString(requestIds.incrementAndGet()).toUpperCase(java.util.Locale.ROOT);
    Exchange ex;
    try {
      ex = new Exchange(request, response, id);
    } catch (RuntimeException e) {
      Response.writeError(request, response, callback, 400);
      return true;
    }
    response.getHeaders().put("x-amz-request-id", id);
    response.getHeaders().put("Server", "TangThuStorage");
    try {
      route(ex);
      callback.succeeded();
    } catch (S3Exception e) {
      metrics.error(e.code());
      if (ex.committed) {
        callback.failed(e);
      } else {
        sendError(ex, e, callback);
      }
    } catch (Throwable t) {
      if (ex.committed) {
        LOG.warn(
            "request {} {} failed after the response started: {}",
            ex.method,
            ex.rawPath,
            t.toString());
        callback.failed(t);
      } else {
        LOG.error("request {} {} failed", ex.method, ex.rawPath, t);
        metrics.error("InternalError");
        sendError(
            ex,
            S3Exception.internal("We encountered an internal error. Please try again."),
            callback);
      }
    }
    return true;
  }

  /**
   * Reads and discards what is left of a refused request body (up to a bound), so that the client,
   * still sending, receives the error instead of a connection reset.
   */
  private static void drain(Exchange ex) {
    if (!ex.bodyStarted) {
      return;
    }
    try (java.io.InputStream in = Content.Source.asInputStream(ex.request)) {
      byte[] buf = new byte[64 * 1024];
      long left = DRAIN_LIMIT;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException ignored) {
      // the connection is closed after the answer anyway
    }
  }

  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  private void sendError(Exchange ex, S3Exception e, Callback callback) {
    drain(ex);
    try {
      String resource = ex.rawPath;
      String xml =
          Xml.document("Error")
              .elem("Code", e.code())
              .elem("Message", e.getMessage())
              .elem("Resource", resource)
              .elem("RequestId", ex.requestId)
              .end("Error");
      if (e.code().equals("InvalidRange")
          && ex.response.getHeaders().get("Content-Range") == null) {
        // set by the caller when known
      }
      ex.sendXml(e.status(), xml.replace(" xmlns=\"" + Xml.NS + "\"", ""));
      callback.succeeded();
    } catch (Throwable t) {
      callback.failed(t);
    }
  }

  private void route(Exchange ex) throws IOException {
    boolean hasAuth = SigV4Verifier.hasAuth(ex.signed(), ex.query);
    if (!hasAuth && ex.key.isEmpty() && (ex.method.equals("GET") || ex.method.equals("HEAD"))) {
      if (ex.bucket.equals("health")
          || (ex.bucket.equals("minio") && ex.rawPath.startsWith("/minio/health"))) {
        metrics.request("Health");
        ex.sendText(200, "text/plain", "OK\n");
        return;
      }
      if (ex.bucket.equals("metrics")) {
        metrics.request("Metrics");
        long[] gc = store.groupCommitStats();
        ex.sendText(
            200,
            "text/plain; version=0.0.4; charset=utf-8",
            metrics.render()
                + "# HELP storage_journal_fsyncs_total Group commits (one fdatasync each).\n"
                + "# TYPE storage_journal_fsyncs_total counter\n"
                + "storage_journal_fsyncs_total "
                + gc[0]
                + "\n# HELP storage_journal_writes_total Small writes made durable by them.\n"
                + "# TYPE storage_journal_writes_total counter\n"
                + "storage_journal_writes_total "
                + gc[1]
                + "\n# HELP storage_journal_checkpoints_total Journal checkpoints (syncfs).\n"
                + "# TYPE storage_journal_checkpoints_total counter\n"
                + "storage_journal_checkpoints_total "
                + gc[2]
                + "\n# HELP storage_journal_checkpoint_seconds_total Time spent in them.\n"
                + "# TYPE storage_journal_checkpoint_seconds_total counter\n"
                + "storage_journal_checkpoint_seconds_total "
                + gc[3] / 1000.0
                + "\n");
        return;
      }
    }
    if (!hasAuth && ex.bucket.equals("minio") && ex.rawPath.startsWith("/minio/health")) {
      ex.sendText(200, "text/plain", "OK\n");
      return;
    }
    if (ex.method.equals("OPTIONS") && !ex.bucket.isEmpty()) {
      metrics.request("PreflightCors");
      cors.preflight(ex);
      return;
    }
    cors.decorate(ex);
    if (!hasAuth && PostOps.isPostUpload(ex)) {
      metrics.request("PostObject");
      posts.upload(ex);
      return;
    }
    AuthContext auth = verifier.verify(ex.signed(), ex.query);
    ex.auth = auth;
    for (String q : ex.query.keySet()) {
      if (UNSUPPORTED.contains(q)) {
        metrics.request("Unsupported");
        throw new S3Exception(
            501,
            "NotImplemented",
            "A header or query you provided implies functionality that is not implemented: " + q);
      }
    }
    if (ex.bucket.isEmpty()) {
      if (!ex.method.equals("GET")) {
        throw new S3Exception(
            405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
      }
      metrics.request("ListBuckets");
      buckets.listBuckets(ex, auth);
      return;
    }
    if (ex.key.isEmpty()) {
      routeBucket(ex, auth);
    } else {
      if (ex.key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024) {
        throw new S3Exception(400, "KeyTooLongError", "Your key is too long");
      }
      routeObject(ex, auth);
    }
  }

  private BucketMeta owned(Exchange ex, AuthContext auth) {
    BucketMeta b = store.requireBucket(ex.bucket);
    if (!b.owner().equals(auth.accessKey())) {
      throw S3Exception.accessDenied("Access Denied");
    }
    return b;
  }

  private void routeBucket(Exchange ex, AuthContext auth) throws IOException {
    String op;
    switch (ex.method) {
      case "PUT" -> {
        if (ex.has("cors")) {
          op = "PutBucketCors";
          cors.put(ex, owned(ex, auth));
        } else if (ex.has("versioning")) {
          op = "PutBucketVersioning";
          buckets.putVersioning(ex, auth, owned(ex, auth));
        } else if (ex.has("object-lock")) {
          op = "PutObjectLockConfiguration";
          buckets.putLockConfiguration(ex, auth, owned(ex, auth));
        } else {
          op = "CreateBucket";
          buckets.create(ex, auth);
        }
      }
      case "GET" -> op = routeBucketGet(ex, auth);
      case "HEAD" -> {
        op = "HeadBucket";
        owned(ex, auth);
        ex.setHeader("x-amz-bucket-region", region);
        ex.sendEmpty(200);
      }
      case "DELETE" -> {
        if (ex.has("cors")) {
          op = "DeleteBucketCors";
          cors.delete(ex, owned(ex, auth));
        } else {
          op = "DeleteBucket";
          owned(ex, auth);
          store.deleteBucket(ex.bucket);
          ex.sendEmpty(204);
        }
      }
      case "POST" -> {
        if (!ex.has("delete")) {
          throw new S3Exception(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
        }
        op = "DeleteObjects";
        multiDelete.deleteObjects(ex, owned(ex, auth));
      }
      default ->
          throw new S3Exception(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
    }
    metrics.request(op);
  }

  /** GET on a bucket: the sub-resource asked for, else a listing; returns the operation. */
  private String routeBucketGet(Exchange ex, AuthContext auth) throws IOException {
    if (ex.has("cors")) {
      cors.get(ex, owned(ex, auth));
      return "GetBucketCors";
    } else if (ex.has("location")) {
      owned(ex, auth);
      buckets.location(ex);
      return "GetBucketLocation";
    } else if (ex.has("versioning")) {
      buckets.getVersioning(ex, owned(ex, auth));
      return "GetBucketVersioning";
    } else if (ex.has("object-lock")) {
      buckets.getLockConfiguration(ex, owned(ex, auth));
      return "GetObjectLockConfiguration";
    } else if (ex.has("uploads")) {
      multipart.listUploads(ex, owned(ex, auth));
      return "ListMultipartUploads";
    } else if (ex.has("versions")) {
      buckets.listVersions(ex, owned(ex, auth));
      return "ListObjectVersions";
    } else if ("2".equals(ex.query.get("list-type"))) {
      buckets.listV2(ex, owned(ex, auth));
      return "ListObjectsV2";
    } else {
      buckets.listV1(ex, owned(ex, auth));
      return "ListObjects";
    }
  }

  private void routeObject(Exchange ex, AuthContext auth) throws IOException {
    String op;
    BucketMeta b = owned(ex, auth);
    switch (ex.method) {
      case "PUT" -> {
        if (ex.has("uploadId")) {
          op = "UploadPart";
          multipart.uploadPart(ex, auth, b);
        } else if (ex.has("retention")) {
          op = "PutObjectRetention";
          locks.putRetention(ex, b);
        } else if (ex.has("legal-hold")) {
          op = "PutObjectLegalHold";
          locks.putLegalHold(ex, b);
        } else if (ex.header("x-amz-copy-source") != null) {
          op = "CopyObject";
          objects.copy(ex, auth, b);
        } else {
          op = "PutObject";
          objects.put(ex, auth, b);
        }
      }
      case "GET", "HEAD" -> {
        if (ex.has("uploadId")) {
          op = "ListParts";
          multipart.listParts(ex, b);
        } else if (ex.has("retention")) {
          op = "GetObjectRetention";
          locks.getRetention(ex, b);
        } else if (ex.has("legal-hold")) {
          op = "GetObjectLegalHold";
          locks.getLegalHold(ex, b);
        } else if (ex.has("attributes") && ex.method.equals("GET")) {
          op = "GetObjectAttributes";
          attributes.get(ex, b);
        } else {
          op = ex.method.equals("GET") ? "GetObject" : "HeadObject";
          objects.get(ex, b);
        }
      }
      case "DELETE" -> {
        if (ex.has("uploadId")) {
          op = "AbortMultipartUpload";
          multipart.abort(ex, b);
        } else {
          op = "DeleteObject";
          objects.delete(ex, b);
        }
      }
      case "POST" -> {
        if (ex.has("uploads")) {
          op = "CreateMultipartUpload";
          multipart.create(ex, auth, b);
        } else if (ex.has("uploadId")) {
          op = "CompleteMultipartUpload";
          multipart.complete(ex, b);
        } else {
          throw new S3Exception(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
        }
      }
      default ->
          throw new S3Exception(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
    }
    metrics.request(op);
  }
}
