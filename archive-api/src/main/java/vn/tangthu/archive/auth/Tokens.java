package vn.tangthu.archive.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API tokens: 256 random bits, shown once as {@code tt_<base64url>}, stored only as their SHA-256.
 * Thread-safe.
 */
public final class Tokens {

  public static final String PREFIX = "tt_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True when {@code token} has the shape of one of ours (checked before any database work). */
  public static boolean wellFormed(String token) {
    return token != null
        && token.length() >= 16
        && token.length() <= 200
        && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
