package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.s3.Xml;
import vn.tangthu.storage.internal.store.BucketMeta;
import vn.tangthu.storage.internal.store.DiskStore;

/**
 * Bucket CORS (PutBucketCors, GetBucketCors, DeleteBucketCors), preflight {@code OPTIONS} requests
 * (unauthenticated, answered from the bucket's rules: 403 AccessForbidden when none matches) and
 * the {@code Access-Control-*} headers of requests that carry an {@code Origin}. The configuration
 * is kept as {@code buckets/<name>/cors.xml}. Thread-safe.
 */
final class CorsOps {
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

  /** One CORSRule. */
  record Rule(
      List<String> origins,
      List<String> methods,
      List<String> headers,
      List<String> expose,
      Integer maxAge) {
    boolean allows(String origin, String method, List<String> requestHeaders) {
      return origins.stream().anyMatch(o -> wildcard(o, origin))
          && methods.contains(method)
          && requestHeaders.stream()
              .allMatch(
                  h -> headers.stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT), h)));
    }
  }

  private final DiskStore store;

  CorsOps(DiskStore store) {
    this.store = store;
  }

  void put(Exchange ex, BucketMeta b) throws IOException {
    byte[] body = ex.smallBody(64 * 1024);
    List<Rule> rules = parse(body);
    if (rules.isEmpty() || rules.size() > 100) {
      throw S3Exception.malformedXml();
    }
    store.putBucketCors(b.name(), body);
    ex.sendEmpty(200);
  }

  void get(Exchange ex, BucketMeta b) throws IOException {
    byte[] stored = store.bucketCors(b.name());
    if (stored == null) {
      throw noConfiguration();
    }
    Xml x = Xml.document("CORSConfiguration");
    for (Rule r : parse(stored)) {
      x.open("CORSRule");
      r.headers().forEach(h -> x.elem("AllowedHeader", h));
      r.methods().forEach(m -> x.elem("AllowedMethod", m));
      r.origins().forEach(o -> x.elem("AllowedOrigin", o));
      r.expose().forEach(h -> x.elem("ExposeHeader", h));
      x.elem("MaxAgeSeconds", r.maxAge());
      x.close("CORSRule");
    }
    ex.sendXml(200, x.end("CORSConfiguration"));
  }

  void delete(Exchange ex, BucketMeta b) throws IOException {
    store.putBucketCors(b.name(), null);
    ex.sendEmpty(204);
  }

  /** Answers a preflight request. */
  void preflight(Exchange ex) throws IOException {
    String origin = ex.header("Origin");
    String method = ex.header("Access-Control-Request-Method");
    if (origin == null || method == null) {
      throw new S3Exception(
          400,
          "BadRequest",
          "Insufficient information. Origin request header needed (and"
              + " Access-Control-Request-Method).");
    }
    List<String> requested = headerList(ex.header("Access-Control-Request-Headers"));
    Rule rule = store.bucket(ex.bucket).map(b -> match(b, origin, method, requested)).orElse(null);
    if (rule == null) {
      throw new S3Exception(
          403, "AccessForbidden", "CORSResponse: This CORS request is not allowed.");
    }
    allowHeaders(ex, rule, origin);
    ex.setHeader("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
    if (!requested.isEmpty()) {
      ex.setHeader("Access-Control-Allow-Headers", String.join(", ", requested));
    }
    if (rule.maxAge() != null) {
      ex.setHeader("Access-Control-Max-Age", rule.maxAge().toString());
    }
    ex.sendEmpty(200);
  }

  /** Adds the CORS headers to the answer of a request with an {@code Origin} its rules allow. */
  void decorate(Exchange ex) {
    String origin = ex.header("Origin");
    if (origin == null || ex.bucket.isEmpty()) {
      return;
    }
    try {
      store
          .bucket(ex.bucket)
          .map(b -> match(b, origin, ex.method, List.of()))
          .ifPresent(
              rule -> {
                allowHeaders(ex, rule, origin);
                ex.setHeader("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
              });
    } catch (RuntimeException e) {
      // no CORS headers then; the request itself is answered
    }
  }

  private static void allowHeaders(Exchange ex, Rule rule, String origin) {
    boolean any = rule.origins().contains("*");
    ex.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
    if (!any) {
      ex.setHeader("Access-Control-Allow-Credentials", "true");
    }
    if (!rule.expose().isEmpty()) {
      ex.setHeader("Access-Control-Expose-Headers", String.join(", ", rule.expose()));
    }
    ex.setHeader("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
  }

  private Rule match(BucketMeta b, String origin, String method, List<String> requested) {
    byte[] stored;
    try {
      stored = store.bucketCors(b.name());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (stored == null) {
      return null;
    }
    for (Rule r : parse(stored)) {
      if (r.allows(origin, method, requested)) {
        return r;
      }
    }
    return null;
  }

  static List<Rule> parse(byte[] xml) {
    Element root = Xml.parse(xml);
    List<Rule> rules = new ArrayList<>();
    for (Element r : Xml.children(root, "CORSRule")) {
      List<String> methods = texts(r, "AllowedMethod");
      for (String m : methods) {
        if (!METHODS.contains(m)) {
          throw S3Exception.invalidRequest(
              "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
        }
      }
      List<String> origins = texts(r, "AllowedOrigin");
      if (methods.isEmpty() || origins.isEmpty()) {
        throw S3Exception.malformedXml();
      }
      String maxAge = Xml.childText(r, "MaxAgeSeconds");
      Integer age;
      try {
        age = maxAge == null ? null : Integer.valueOf(maxAge);
      } catch (NumberFormatException e) {
        throw S3Exception.malformedXml();
      }
      rules.add(
          new Rule(origins, methods, texts(r, "AllowedHeader"), texts(r, "ExposeHeader"), age));
    }
    return rules;
  }

  private static List<String> texts(Element parent, String name) {
    List<String> values = new ArrayList<>();
    for (Element e : Xml.children(parent, name)) {
      values.add(e.getTextContent().trim());
    }
    return values;
  }

  private static List<String> headerList(String header) {
    List<String> values = new ArrayList<>();
    if (header != null) {
      for (String h : header.split(",")) {
        if (!h.isBlank()) {
          values.add(h.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return values;
  }

  /** S3's matching: at most one {@code *}, standing for any run of characters. */
  static boolean wildcard(String pattern, String value) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(value);
    }
    String head = pattern.substring(0, star);
    String tail = pattern.substring(star + 1);
    return value.length() >= head.length() + tail.length()
        && value.startsWith(head)
        && value.endsWith(tail);
  }

  private static S3Exception noConfiguration() {
    return new S3Exception(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
