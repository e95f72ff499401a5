package vn.tangthu.storage;

import java.net.URI;
import java.util.Map;

/** Public bridge to the package-private {@link RawS3} signer for tests in other packages. */
public final class RawS3Access {
  public static final String EMPTY_SHA = RawS3.EMPTY_SHA;
  private final RawS3 raw;

  public RawS3Access(URI endpoint, String accessKey, String secretKey) {
    this.raw = new RawS3(endpoint, accessKey, secretKey);
  }

  /** Signed headers (including {@code Authorization}) for a request without query. */
  public Map<String, String> signedHeaders(
      String method, String rawPath, Map<String, String> extra, String payloadHash)
      throws Exception {
    return raw.sign(method, rawPath, null, extra, payloadHash).headers();
  }
}
