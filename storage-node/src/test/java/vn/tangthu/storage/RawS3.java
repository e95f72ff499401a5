package vn.tangthu.storage;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately small, independent SigV4 client for protocol tests the SDKs cannot express
 * (tampered chunk signatures, skewed clocks, raw key paths). Paths and queries are sent exactly as
 * given (already encoded).
 */
final class RawS3 {
  static final String EMPTY_SHA = sha256Hex(new byte[0]);
  private static final DateTimeFormatter AMZ =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  Instant now;

  RawS3(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** A signed request; {@code payloadHash} null means the SHA-256 of {@code body}. */
  HttpResponse<byte[]> send(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      String payloadHash)
      throws Exception {
    Signed s =
        sign(
            method,
            rawPath,
            rawQuery,
            headers,
            payloadHash == null ? sha256Hex(body) : payloadHash);
    return send(method, rawPath, rawQuery, s.headers(), body);
  }

  HttpResponse<byte[]> send(
      String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body)
      throws Exception {
    URI uri =
        URI.create(
            endpoint + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase("host")) {
            b.header(k, v);
          }
        });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  record Signed(
      Map<String, String> headers,
      String signature,
      byte[] signingKey,
      String amzDate,
      String scope) {}

  Signed sign(
      String method, String rawPath, String rawQuery, Map<String, String> extra, String payloadHash)
      throws Exception {
    Instant t = now == null ? Instant.now() : now;
    String amzDate = AMZ.format(t);
    String date = amzDate.substring(0, 8);
    String scope = date + "/us-east-1/s3/aws4_request";
    TreeMap<String, String> h = new TreeMap<>();
    h.put("host", endpoint.getHost() + ":" + endpoint.getPort());
    h.put("x-amz-date", amzDate);
    h.put("x-amz-content-sha256", payloadHash);
    extra.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
    StringBuilder canonical = new StringBuilder();
    canonical
        .append(method)
        .append('\n')
        .append(rawPath)
        .append('\n')
        .append(canonicalQuery(rawQuery))
        .append('\n');
    h.forEach((k, v) -> canonical.append(k).append(':').append(v.trim()).append('\n'));
    String signedHeaders = String.join(";", h.keySet());
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String sts =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, "us-east-1");
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String sig = HexFormat.of().formatHex(hmac(key, sts));
    Map<String, String> out = new LinkedHashMap<>(h);
    out.put(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + accessKey
            + "/"
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + sig);
    return new Signed(out, sig, key, amzDate, scope);
  }

  /**
   * An aws-chunked body with chunk signatures; {@code tamperChunk} >= 0 corrupts that chunk's
   * signature.
   */
  static byte[] signedChunks(byte[] data, int chunkSize, Signed s, int tamperChunk)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String prev = s.signature();
    int index = 0;
    for (int off = 0; ; off += chunkSize) {
      int n = Math.max(0, Math.min(chunkSize, data.length - off));
      byte[] chunk =
          java.util.Arrays.copyOfRange(
              data, Math.min(off, data.length), Math.min(off, data.length) + n);
      String sts =
          "AWS4-HMAC-SHA256-PAYLOAD\n"
              + s.amzDate()
              + "\n"
              + s.scope()
              + "\n"
              + prev
              + "\n"
              + EMPTY_SHA
              + "\n"
              + sha256Hex(chunk);
      String sig = HexFormat.of().formatHex(hmac(s.signingKey(), sts));
      String sent =
          index == tamperChunk ? sig.substring(0, 63) + (sig.charAt(63) == '0' ? '1' : '0') : sig;
      out.write(
          (Integer.toHexString(n) + ";chunk-signature=" + sent + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      prev = sig;
      index++;
      if (n == 0) {
        return out.toByteArray();
      }
    }
  }

  /** An unsigned aws-chunked body with a trailing checksum header. */
  static byte[] unsignedChunksWithTrailer(
      byte[] data, int chunkSize, String trailerName, String trailerValue) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < data.length; off += chunkSize) {
      int n = Math.min(chunkSize, data.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(
        ("0\r\n" + trailerName + ":" + trailerValue + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>(List.of(rawQuery.split("&")));
    List<String> normalized = new ArrayList<>();
    for (String p : parts) {
      normalized.add(p.contains("=") ? p : p + "=");
    }
    normalized.sort(null);
    return String.join("&", normalized);
  }

  static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
