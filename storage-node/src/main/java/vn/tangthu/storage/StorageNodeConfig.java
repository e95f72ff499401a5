package vn.tangthu.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@link StorageNode}.
 *
 * @param dataDir directory holding every bucket and object (created when missing)
 * @param host interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port, {@code 0} picks a free one
 * @param credentials accepted access keys (at least one, access keys unique); each owns the buckets
 *     it creates
 * @param region signing region reported by the node; {@code null} or blank means {@code us-east-1}
 * @param abandonedUploadAge multipart uploads initiated longer ago than this are aborted by a
 *     background sweep; {@code null} means {@link #DEFAULT_ABANDONED_UPLOAD_AGE}
 */
public record StorageNodeConfig(
    Path dataDir,
    String host,
    int port,
    List<Credentials> credentials,
    String region,
    Duration abandonedUploadAge) {

  /** Region used when none is given. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** Age after which an incomplete multipart upload is aborted, when none is given. */
  public static final Duration DEFAULT_ABANDONED_UPLOAD_AGE = Duration.ofDays(7);

  public StorageNodeConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    credentials = List.copyOf(Objects.requireNonNull(credentials, "credentials"));
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("at least one credential is required");
    }
    var keys = new HashSet<String>();
    for (Credentials c : credentials) {
      if (!keys.add(c.accessKey())) {
        throw new IllegalArgumentException("duplicate access key " + c.accessKey());
      }
    }
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    abandonedUploadAge =
        abandonedUploadAge == null ? DEFAULT_ABANDONED_UPLOAD_AGE : abandonedUploadAge;
    if (abandonedUploadAge.isNegative() || abandonedUploadAge.isZero()) {
      throw new IllegalArgumentException("abandonedUploadAge must be positive");
    }
  }

  /** A configuration with the default age for abandoned multipart uploads. */
  public StorageNodeConfig(
      Path dataDir, String host, int port, List<Credentials> credentials, String region) {
    this(dataDir, host, port, credentials, region, null);
  }

  /** A node on {@code 127.0.0.1} with one access key and the default region. */
  public static StorageNodeConfig loopback(Path dataDir, int port, Credentials credentials) {
    return new StorageNodeConfig(dataDir, "127.0.0.1", port, List.of(credentials), DEFAULT_REGION);
  }
}
