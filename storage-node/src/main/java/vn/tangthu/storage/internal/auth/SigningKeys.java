package vn.tangthu.storage.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 helpers of Signature Version 4. */
public final class SigningKeys {
  private static final MessageDigest SHA256 = sha256();

  private SigningKeys() {}

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One HMAC-SHA256 instance per thread (a provider lookup per call costs more than the MAC). */
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });

  public static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code kSigning} for a secret, a {@code yyyyMMdd} date, a region and a service. */
  public static byte[] signingKey(String secret, String date, String region, String service) {
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    k = hmac(k, region);
    k = hmac(k, service);
    return hmac(k, "aws4_request");
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(((MessageDigest) SHA256.clone()).digest(data));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time comparison of two hex signatures. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
