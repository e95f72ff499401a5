package vn.tangthu.storage.internal.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tangthu.storage.internal.s3.S3Exception;

/**
 * The policy document of a browser POST upload ("Browser-based uploads using POST"): its
 * expiration, and conditions ({@code {"field": "value"}}, {@code ["eq", "$field", "value"]}, {@code
 * ["starts-with", "$field", "prefix"]}, {@code ["content-length-range", min, max]}) that every form
 * field must meet; a field the conditions do not name (other than the signature, the policy, the
 * file and {@code x-ignore-*}) is refused, as S3 refuses it.
 */
public final class PostPolicy {
  private static final Set<String> EXEMPT =
      Set.of("x-amz-signature", "signature", "awsaccesskeyid", "policy", "file");

  private final Instant expiration;
  private final List<Object> conditions;
  private long minLength;
  private long maxLength = Long.MAX_VALUE;

  private PostPolicy(Instant expiration, List<Object> conditions) {
    this.expiration = expiration;
    this.conditions = conditions;
  }

  /**
   * Parses the base64 policy of a form.
   *
   * @throws S3Exception InvalidPolicyDocument when it is not a policy document
   */
  @SuppressWarnings("unchecked")
  public static PostPolicy parse(String base64) {
    try {
      String json = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
      Map<String, Object> doc = (Map<String, Object>) Json.parse(json);
      Instant expiration = Instant.parse((String) doc.get("expiration"));
      List<Object> conditions = (List<Object>) doc.get("conditions");
      if (conditions == null) {
        throw new IllegalArgumentException("no conditions");
      }
      return new PostPolicy(expiration, conditions);
    } catch (RuntimeException e) {
      throw new S3Exception(
          400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON or policy document.");
    }
  }

  /**
   * Checks the form's fields (names compared without case) against the policy.
   *
   * @param bucket the bucket posted to (the {@code bucket} condition's field)
   * @throws S3Exception AccessDenied naming the failed condition, or the expiration
   */
  @SuppressWarnings("unchecked")
  public void check(Map<String, String> fields, String bucket, Instant now) {
    if (!now.isBefore(expiration)) {
      throw denied("Invalid according to Policy: Policy expired.");
    }
    Map<String, String> f = new java.util.HashMap<>();
    fields.forEach((k, v) -> f.put(k.toLowerCase(Locale.ROOT), v));
    f.put("bucket", bucket);
    Set<String> covered = new HashSet<>();
    for (Object c : conditions) {
      if (c instanceof Map<?, ?> m) {
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
          String name = e.getKey().toLowerCase(Locale.ROOT);
          covered.add(name);
          if (!String.valueOf(e.getValue()).equals(f.get(name))) {
            throw failed("[\"eq\", \"$" + e.getKey() + "\", \"" + e.getValue() + "\"]");
          }
        }
      } else if (c instanceof List<?> l && l.size() == 3) {
        condition((List<Object>) l, f, covered);
      } else {
        throw new S3Exception(
            400, "InvalidPolicyDocument", "Invalid Policy: Invalid condition " + c);
      }
    }
    for (String name : f.keySet()) {
      if (!covered.contains(name) && !EXEMPT.contains(name) && !name.startsWith("x-ignore-")) {
        throw denied("Invalid according to Policy: Extra input fields: " + name);
      }
    }
  }

  private void condition(List<Object> l, Map<String, String> f, Set<String> covered) {
    String op = String.valueOf(l.get(0)).toLowerCase(Locale.ROOT);
    if (op.equals("content-length-range")) {
      minLength = ((BigDecimal) l.get(1)).longValueExact();
      maxLength = ((BigDecimal) l.get(2)).longValueExact();
      return;
    }
    String ref = String.valueOf(l.get(1));
    if (!ref.startsWith("$")) {
      throw new S3Exception(400, "InvalidPolicyDocument", "Invalid Policy: " + l);
    }
    String name = ref.substring(1).toLowerCase(Locale.ROOT);
    covered.add(name);
    String want = String.valueOf(l.get(2));
    String have = f.getOrDefault(name, "");
    boolean ok =
        switch (op) {
          case "eq" -> have.equals(want);
          case "starts-with" -> have.startsWith(want);
          default ->
              throw new S3Exception(
                  400, "InvalidPolicyDocument", "Invalid Policy: unknown condition " + op);
        };
    if (!ok) {
      throw failed(l.toString());
    }
  }

  /**
   * Checks the uploaded size against {@code content-length-range}.
   *
   * @throws S3Exception EntityTooSmall or EntityTooLarge
   */
  public void checkSize(long size) {
    if (size < minLength) {
      throw new S3Exception(
          400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size");
    }
    if (size > maxLength) {
      throw new S3Exception(
          400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    }
  }

  /** The largest upload the policy allows. */
  public long maxLength() {
    return maxLength;
  }

  private static S3Exception failed(String condition) {
    return denied("Invalid according to Policy: Policy Condition failed: " + condition);
  }

  private static S3Exception denied(String message) {
    return S3Exception.accessDenied(message);
  }
}
