package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The S3 endpoint. With {@code embedded: true} the archive starts its own storage node on loopback
 * at {@code embeddedPort} with credentials kept in the data directory; otherwise it uses {@code
 * endpoint}, {@code accessKey} and {@code secretKey} (a MinIO cluster, a standalone storage node or
 * any S3-compatible service). The credentials never leave the server.
 */
public record StorageConfig(
    boolean embedded,
    int embeddedPort,
    String endpoint,
    String region,
    String accessKey,
    String secretKey,
    String originalsBucket,
    String derivedBucket) {

  @JsonCreator
  public StorageConfig(
      @JsonProperty("embedded") Boolean embedded,
      @JsonProperty("embeddedPort") Integer embeddedPort,
      @JsonProperty("endpoint") String endpoint,
      @JsonProperty("region") String region,
      @JsonProperty("accessKey") String accessKey,
      @JsonProperty("secretKey") String secretKey,
      @JsonProperty("originalsBucket") String originalsBucket,
      @JsonProperty("derivedBucket") String derivedBucket) {
    this(
        embedded == null ? DatabaseConfig.blankToNull(endpoint) == null : embedded,
        embeddedPort == null ? 9000 : embeddedPort,
        DatabaseConfig.blankToNull(endpoint),
        region == null || region.isBlank() ? "us-east-1" : region,
        DatabaseConfig.blankToNull(accessKey),
        DatabaseConfig.blankToNull(secretKey),
        originalsBucket == null || originalsBucket.isBlank()
            ? "tangthu-originals"
            : originalsBucket,
        derivedBucket == null || derivedBucket.isBlank() ? "tangthu-derived" : derivedBucket);
  }

  public StorageConfig {
    if (!embedded && (endpoint == null || accessKey == null || secretKey == null)) {
      throw new IllegalArgumentException(
          "storage.endpoint, storage.accessKey and storage.secretKey are required when"
              + " storage.embedded is false");
    }
    if (embeddedPort < 0 || embeddedPort > 65535) {
      throw new IllegalArgumentException("storage.embeddedPort must be a TCP port (0 = any free)");
    }
    if (originalsBucket.equals(derivedBucket)) {
      throw new IllegalArgumentException("originals and derived objects need separate buckets");
    }
  }

  public static StorageConfig embeddedDefault() {
    return new StorageConfig(
        true, 9000, null, "us-east-1", null, null, "tangthu-originals", "tangthu-derived");
  }
}
