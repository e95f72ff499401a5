package vn.tangthu.storage.internal.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * AWS Signature Version 2 ("Authenticating Requests (AWS Signature Version 2)"): presigned query
 * URLs ({@code AWSAccessKeyId}, {@code Expires}, {@code Signature}), which {@code s3cmd signurl}
 * and older SDKs still produce, and the {@code Authorization: AWS key:signature} header. The
 * signature is the base64 HMAC-SHA1 of {@code VERB \n Content-MD5 \n Content-Type \n
 * Expires-or-Date \n CanonicalizedAmzHeaders CanonicalizedResource}. Payloads are not signed.
 * Thread-safe.
 */
public final class SigV2Verifier {
  /** Query parameters that are part of the canonicalized resource. */
  private static final Set<String> SUBRESOURCES =
      Set.of(
          "acl",
          "cors",
          "delete",
          "lifecycle",
          "location",
          "logging",
          "notification",
          "partNumber",
          "policy",
          "requestPayment",
          "restore",
          "tagging",
          "torrent",
          "uploadId",
          "uploads",
          "versionId",
          "versioning",
          "versions",
          "website",
          "attributes",
          "retention",
          "legal-hold",
          "object-lock",
          "response-cache-control",
          "response-content-disposition",
          "response-content-encoding",
          "response-content-language",
          "response-content-type",
          "response-expires");

  private final Map<String, String> secrets;
  private final Clock clock;

  /**
   * @param secrets secret key by access key
   */
  public SigV2Verifier(Map<String, String> secrets, Clock clock) {
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
  }

  /** Whether the request is a SigV2 presigned URL. */
  public static boolean isPresigned(Map<String, String> query) {
    return query.containsKey("AWSAccessKeyId") && query.containsKey("Signature");
  }

  /** Whether the Authorization header is SigV2's. */
  public static boolean isHeader(String authorization) {
    return authorization != null && authorization.startsWith("AWS ");
  }

  /**
   * Verifies a presigned URL.
   *
   * @throws S3Exception AccessDenied (expired), InvalidAccessKeyId, SignatureDoesNotMatch
   */
  public AuthContext verifyPresigned(SigV4Verifier.SignedRequest r, Map<String, String> query) {
    String access = query.get("AWSAccessKeyId");
    String expires = query.get("Expires");
    long until;
    try {
      until = Long.parseLong(expires);
    } catch (NumberFormatException | NullPointerException e) {
      throw S3Exception.accessDenied("Query-string authentication requires Expires");
    }
    if (clock.instant().getEpochSecond() > until) {
      throw S3Exception.accessDenied("Request has expired");
    }
    return check(r, access, expires, query.get("Signature"));
  }

  /** Verifies an {@code Authorization: AWS key:signature} header (15 minutes of clock skew). */
  public AuthContext verifyHeader(SigV4Verifier.SignedRequest r, String authorization) {
    String creds = authorization.substring(4).trim();
    int colon = creds.lastIndexOf(':');
    if (colon <= 0) {
      throw new S3Exception(
          400, "AuthorizationHeaderMalformed", "The authorization header is malformed");
    }
    String date = r.first("x-amz-date") != null ? "" : r.first("date");
    String when = r.first("x-amz-date") != null ? r.first("x-amz-date") : r.first("date");
    if (when == null) {
      throw S3Exception.accessDenied(
          "AWS authentication requires a valid Date or x-amz-date header");
    }
    try {
      java.time.Instant t =
          java.time.ZonedDateTime.parse(when, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      if (java.time.Duration.between(t, clock.instant()).abs().toMinutes() > 15) {
        throw new S3Exception(
            403,
            "RequestTimeTooSkewed",
            "The difference between the request time and the server's time is too large.");
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw S3Exception.accessDenied(
          "AWS authentication requires a valid Date or x-amz-date header");
    }
    return check(r, creds.substring(0, colon), date, creds.substring(colon + 1));
  }

  private AuthContext check(
      SigV4Verifier.SignedRequest r, String access, String dateOrExpires, String signature) {
    String secret = secrets.get(access);
    if (secret == null) {
      throw new S3Exception(
          403,
          "InvalidAccessKeyId",
          "The Access Key Id you provided does not exist in our records.");
    }
    String expected = sign(secret, stringToSign(r, dateOrExpires));
    if (signature == null || !SigningKeys.same(expected, signature)) {
      throw new S3Exception(
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
    return new AuthContext(access, PayloadMode.UNSIGNED, null, null, null, null, signature);
  }

  /** Base64 HMAC-SHA1 of {@code stringToSign} with {@code secret}. */
  static String sign(String secret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The string to sign of a request (path-style: the resource is the path as sent). */
  static String stringToSign(SigV4Verifier.SignedRequest r, String dateOrExpires) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(r.method()).append('\n');
    sb.append(orEmpty(r.first("content-md5"))).append('\n');
    sb.append(orEmpty(r.first("content-type"))).append('\n');
    sb.append(dateOrExpires).append('\n');
    Map<String, List<String>> amz = new TreeMap<>();
    for (String name : amzHeaderNames(r)) {
      amz.put(name, r.header().apply(name));
    }
    amz.forEach(
        (name, values) -> {
          List<String> trimmed = new ArrayList<>();
          values.forEach(v -> trimmed.add(v.trim()));
          sb.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        });
    sb.append(r.rawPath());
    sb.append(subresources(r.rawQuery()));
    return sb.toString();
  }

  private static List<String> amzHeaderNames(SigV4Verifier.SignedRequest r) {
    return r.headerNames() == null
        ? List.of()
        : r.headerNames().get().stream()
            .map(n -> n.toLowerCase(Locale.ROOT))
            .filter(n -> n.startsWith("x-amz-"))
            .distinct()
            .toList();
  }

  private static String subresources(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    TreeMap<String, String> sub = new TreeMap<>();
    for (String p : rawQuery.split("&")) {
      int eq = p.indexOf('=');
      String name = Encoding.decode(eq < 0 ? p : p.substring(0, eq), true);
      if (SUBRESOURCES.contains(name)) {
        sub.put(name, eq < 0 ? null : Encoding.decode(p.substring(eq + 1), true));
      }
    }
    StringBuilder sb = new StringBuilder();
    sub.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? '?' : '&').append(k).append(v == null ? "" : "=" + v));
    return sb.toString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
