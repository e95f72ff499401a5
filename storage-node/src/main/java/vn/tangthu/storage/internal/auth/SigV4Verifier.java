package vn.tangthu.storage.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * Verifies AWS Signature Version 4 (Authorization header and presigned query) against the
 * configured secrets, and Signature Version 2 through {@link SigV2Verifier}. Thread-safe.
 */
public final class SigV4Verifier {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SigV4Verifier.class);
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final long MAX_EXPIRES = 7 * 24 * 3600;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
  private static final int SIGNING_KEYS_CACHED = 1024;

  private final Map<String, String> secrets;
  private final Clock clock;
  private final java.util.concurrent.ConcurrentMap<String, byte[]> signingKeys =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param secrets secret key by access key
   */
  public SigV4Verifier(Map<String, String> secrets, Clock clock) {
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
    this.v2 = new SigV2Verifier(secrets, clock);
  }

  private final SigV2Verifier v2;

  /** The parts of a request that are signed. */
  public record SignedRequest(
      String method,
      String rawPath,
      String rawQuery,
      Function<String, List<String>> header,
      java.util.function.Supplier<List<String>> headerNames) {
    public SignedRequest(
        String method, String rawPath, String rawQuery, Function<String, List<String>> header) {
      this(method, rawPath, rawQuery, header, null);
    }

    String first(String name) {
      List<String> v = header.apply(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  /** Whether the request carries any SigV4 authentication. */
  public static boolean hasAuth(SignedRequest r, Map<String, String> query) {
    return r.first("authorization") != null
        || query.containsKey("X-Amz-Algorithm")
        || SigV2Verifier.isPresigned(query);
  }

  /**
   * Verifies the request.
   *
   * @param query decoded query parameters
   * @throws S3Exception AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch,
   *     RequestTimeTooSkewed, AuthorizationHeaderMalformed
   */
  public AuthContext verify(SignedRequest r, Map<String, String> query) {
    String auth = r.first("authorization");
    if (SigV2Verifier.isHeader(auth)) {
      return v2.verifyHeader(r, auth);
    }
    if (auth != null) {
      return verifyHeader(r, auth);
    }
    if (query.containsKey("X-Amz-Algorithm")) {
      return verifyPresigned(r, query);
    }
    if (SigV2Verifier.isPresigned(query)) {
      return v2.verifyPresigned(r, query);
    }
    throw S3Exception.accessDenied("Anonymous access is not allowed");
  }

  private AuthContext verifyHeader(SignedRequest r, String auth) {
    if (!auth.startsWith(ALGORITHM + " ")) {
      throw new S3Exception(400, "AuthorizationHeaderMalformed", "Unsupported authorization type");
    }
    Map<String, String> parts = new TreeMap<>();
    for (String p : auth.substring(ALGORITHM.length()).split(",")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
      }
    }
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null || signedHeaders == null || signature == null) {
      throw new S3Exception(
          400, "AuthorizationHeaderMalformed", "The authorization header is malformed");
    }
    String amzDate = r.first("x-amz-date");
    Instant when;
    if (amzDate != null) {
      when = parseAmzDate(amzDate);
    } else {
      String date = r.first("date");
      if (date == null) {
        throw S3Exception.accessDenied(
            "AWS authentication requires a valid Date or x-amz-date header");
      }
      try {
        when = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        throw S3Exception.accessDenied(
            "AWS authentication requires a valid Date or x-amz-date header");
      }
      amzDate = AMZ_DATE.format(when.atOffset(ZoneOffset.UTC));
    }
    checkSkew(when);
    String contentSha = r.first("x-amz-content-sha256");
    if (contentSha == null) {
      contentSha = "UNSIGNED-PAYLOAD";
    }
    PayloadMode mode = payloadMode(contentSha);
    return check(r, credential, amzDate, signedHeaders, signature, contentSha, mode, null);
  }

  private AuthContext verifyPresigned(SignedRequest r, Map<String, String> q) {
    if (!ALGORITHM.equals(q.get("X-Amz-Algorithm"))) {
      throw S3Exception.invalidArgument("Unsupported X-Amz-Algorithm");
    }
    String credential = q.get("X-Amz-Credential");
    String amzDate = q.get("X-Amz-Date");
    String signedHeaders = q.get("X-Amz-SignedHeaders");
    String signature = q.get("X-Amz-Signature");
    String expires = q.get("X-Amz-Expires");
    if (credential == null
        || amzDate == null
        || signedHeaders == null
        || signature == null
        || expires == null) {
      throw new S3Exception(
          400,
          "AuthorizationQueryParametersError",
          "Query-string authentication requires X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders, X-Amz-Signature and X-Amz-Expires");
    }
    Instant when = parseAmzDate(amzDate);
    long seconds;
    try {
      seconds = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw new S3Exception(
          400, "AuthorizationQueryParametersError", "X-Amz-Expires must be a number");
    }
    if (seconds < 0 || seconds > MAX_EXPIRES) {
      throw new S3Exception(
          400,
          "AuthorizationQueryParametersError",
          "X-Amz-Expires must be between 0 and 604800 seconds");
    }
    Instant now = clock.instant();
    if (when.minus(SKEW).isAfter(now)) {
      throw new S3Exception(403, "RequestNotValidYet", "Request is not valid yet");
    }
    if (now.isAfter(when.plusSeconds(seconds))) {
      throw S3Exception.accessDenied("Request has expired");
    }
    String contentSha = r.first("x-amz-content-sha256");
    if (contentSha == null) {
      contentSha = "UNSIGNED-PAYLOAD";
    }
    return check(
        r,
        credential,
        amzDate,
        signedHeaders,
        signature,
        "UNSIGNED-PAYLOAD",
        payloadMode(contentSha),
        "X-Amz-Signature");
  }

  private AuthContext check(
      SignedRequest r,
      String credential,
      String amzDate,
      String signedHeaders,
      String signature,
      String payloadHash,
      PayloadMode mode,
      String excludedParam) {
    String[] cred = credential.split("/");
    if (cred.length != 5 || !"aws4_request".equals(cred[4])) {
      throw new S3Exception(400, "AuthorizationHeaderMalformed", "The credential is malformed");
    }
    String secret = secrets.get(cred[0]);
    if (secret == null) {
      throw new S3Exception(
          403,
          "InvalidAccessKeyId",
          "The Access Key Id you provided does not exist in our records.");
    }
    if (!amzDate.startsWith(cred[1])) {
      throw new S3Exception(
          400,
          "AuthorizationHeaderMalformed",
          "The credential date does not match the request date");
    }
    String scope = cred[1] + "/" + cred[2] + "/" + cred[3] + "/aws4_request";
    String canonical = canonicalRequest(r, signedHeaders, payloadHash, excludedParam);
    String stringToSign =
        ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + SigningKeys.sha256Hex(canonical);
    byte[] key = signingKey(cred[0], secret, cred[1], cred[2], cred[3]);
    String expected = java.util.HexFormat.of().formatHex(SigningKeys.hmac(key, stringToSign));
    if (!SigningKeys.same(expected, signature)) {
      LOG.debug("signature mismatch for {}; canonical request:\n{}", cred[0], canonical);
      throw new S3Exception(
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
    String sha = mode == PayloadMode.SIGNED ? payloadHash : null;
    return new AuthContext(cred[0], mode, sha, key, amzDate, scope, signature);
  }

  /** The derived key of a day, region and service, computed once (four HMACs) and cached. */
  private byte[] signingKey(
      String accessKey, String secret, String date, String region, String service) {
    String id = accessKey + '/' + date + '/' + region + '/' + service;
    byte[] key = signingKeys.get(id);
    if (key == null) {
      key = SigningKeys.signingKey(secret, date, region, service);
      if (signingKeys.size() >= SIGNING_KEYS_CACHED) {
        signingKeys.clear();
      }
      signingKeys.put(id, key);
    }
    return key;
  }

  /**
   * Verifies the signature of a browser POST form over its base64 policy: SigV4 ({@code
   * x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-date}, {@code x-amz-signature}) or
   * SigV2 ({@code AWSAccessKeyId}, {@code signature}). Field names are lower-case.
   *
   * @return the access key that signed it
   * @throws S3Exception AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch
   */
  public String verifyPostPolicy(Map<String, String> fields) {
    String policy = fields.get("policy");
    if (policy == null) {
      throw S3Exception.accessDenied("Anonymous POST uploads are not allowed (no policy)");
    }
    if (fields.containsKey("awsaccesskeyid")) {
      String access = fields.get("awsaccesskeyid");
      String secret = secretOf(access);
      if (!SigningKeys.same(
          SigV2Verifier.sign(secret, policy), fields.getOrDefault("signature", ""))) {
        throw signatureMismatch();
      }
      return access;
    }
    if (!ALGORITHM.equals(fields.get("x-amz-algorithm"))) {
      throw S3Exception.invalidArgument("Unsupported x-amz-algorithm in the form");
    }
    String[] cred = fields.getOrDefault("x-amz-credential", "").split("/");
    String date = fields.getOrDefault("x-amz-date", "");
    if (cred.length != 5 || !"aws4_request".equals(cred[4]) || !date.startsWith(cred[1])) {
      throw S3Exception.invalidArgument("Invalid x-amz-credential or x-amz-date in the form");
    }
    String secret = secretOf(cred[0]);
    byte[] key = signingKey(cred[0], secret, cred[1], cred[2], cred[3]);
    String expected = java.util.HexFormat.of().formatHex(SigningKeys.hmac(key, policy));
    if (!SigningKeys.same(expected, fields.getOrDefault("x-amz-signature", ""))) {
      throw signatureMismatch();
    }
    return cred[0];
  }

  private String secretOf(String access) {
    String secret = secrets.get(access);
    if (secret == null) {
      throw new S3Exception(
          403,
          "InvalidAccessKeyId",
          "The Access Key Id you provided does not exist in our records.");
    }
    return secret;
  }

  private static S3Exception signatureMismatch() {
    return new S3Exception(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
  }

  static PayloadMode payloadMode(String contentSha) {
    return switch (contentSha) {
      case "UNSIGNED-PAYLOAD" -> PayloadMode.UNSIGNED;
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> PayloadMode.STREAMING_SIGNED;
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> PayloadMode.STREAMING_SIGNED_TRAILER;
      case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> PayloadMode.STREAMING_UNSIGNED_TRAILER;
      default -> {
        if (!isSha256Hex(contentSha)) {
          throw S3Exception.invalidArgument(
              "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a streaming mode or a SHA-256");
        }
        yield PayloadMode.SIGNED;
      }
    };
  }

  private static boolean isSha256Hex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  private void checkSkew(Instant when) {
    Instant now = clock.instant();
    if (Duration.between(when, now).abs().compareTo(SKEW) > 0) {
      throw new S3Exception(
          403,
          "RequestTimeTooSkewed",
          "The difference between the request time and the server's time is too large.");
    }
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'}, parsed by hand (a formatter costs more than the signature). */
  static Instant parseAmzDate(String s) {
    if (s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
      throw S3Exception.accessDenied("X-Amz-Date must be in the ISO8601 basic format");
    }
    try {
      return LocalDateTime.of(
              digits(s, 0, 4),
              digits(s, 4, 6),
              digits(s, 6, 8),
              digits(s, 9, 11),
              digits(s, 11, 13),
              digits(s, 13, 15))
          .toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      throw S3Exception.accessDenied("X-Amz-Date must be in the ISO8601 basic format");
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The canonical request of SigV4. */
  static String canonicalRequest(
      SignedRequest r, String signedHeaders, String payloadHash, String excludedParam) {
    StringBuilder sb = new StringBuilder(512);
    sb.append(r.method()).append('\n');
    sb.append(Encoding.uriEncode(Encoding.decode(r.rawPath(), false), true)).append('\n');
    sb.append(canonicalQuery(r.rawQuery(), excludedParam)).append('\n');
    List<String> names = Arrays.asList(signedHeaders.split(";"));
    for (String name : names) {
      List<String> values = r.header().apply(name);
      List<String> cleaned = new ArrayList<>();
      if (values != null) {
        for (String v : values) {
          cleaned.add(collapseSpaces(v.trim()));
        }
      }
      sb.append(name).append(':').append(String.join(",", cleaned)).append('\n');
    }
    sb.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    return sb.toString();
  }

  /** Sequential whitespace as one space (SigV4 header canonicalization), without a regex. */
  static String collapseSpaces(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c)
          && (c != ' ' || (i + 1 < v.length() && Character.isWhitespace(v.charAt(i + 1))))) {
        return WHITESPACE.matcher(v).replaceAll(" ");
      }
    }
    return v;
  }

  static String canonicalQuery(String rawQuery, String excluded) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String p : rawQuery.split("&")) {
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String name = Encoding.decode(eq < 0 ? p : p.substring(0, eq), true);
      String value = eq < 0 ? "" : Encoding.decode(p.substring(eq + 1), true);
      if (name.equals(excluded)) {
        continue;
      }
      pairs.add(new String[] {Encoding.uriEncode(name, false), Encoding.uriEncode(value, false)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder sb = new StringBuilder();
    for (String[] pair : pairs) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(pair[0]).append('=').append(pair[1]);
    }
    return sb.toString();
  }
}
