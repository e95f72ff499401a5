package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dropwizard.validation.PortRange;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The S3 endpoint ({@code storage:}). With {@code embedded: true} the archive starts its own
 * storage node on loopback at {@code embeddedPort} (0: any free port) with credentials kept in the
 * data directory; otherwise it uses {@code endpoint}, {@code accessKey} and {@code secretKey} (a
 * MinIO cluster, a standalone storage node or any S3-compatible service). The credentials never
 * leave the server. Absent values take their defaults ({@code embedded}: whether no {@code
 * endpoint} is given; port 9000, region {@code us-east-1}, buckets {@code tangthu-originals} and
 * {@code tangthu-derived}); bounds are checked at start-up.
 */
public record StorageConfig(
    @NotNull Boolean embedded,
    @NotNull @PortRange(min = 0) Integer embeddedPort,
    String endpoint,
    @NotBlank String region,
    String accessKey,
    String secretKey,
    @NotBlank String originalsBucket,
    @NotBlank String derivedBucket) {

  public StorageConfig {
    endpoint = Absent.or(endpoint, null);
    accessKey = Absent.or(accessKey, null);
    secretKey = Absent.or(secretKey, null);
    embedded = Absent.or(embedded, endpoint == null);
    embeddedPort = Absent.or(embeddedPort, 9000);
    region = Absent.or(region, "us-east-1");
    originalsBucket = Absent.or(originalsBucket, "tangthu-originals");
    derivedBucket = Absent.or(derivedBucket, "tangthu-derived");
  }

  /** Every value at its default: the embedded storage node. */
  public static StorageConfig defaults() {
    return new StorageConfig(null, null, null, null, null, null, null, null);
  }

  /** An external endpoint needs its address and credentials. */
  @JsonIgnore
  @ValidationMethod(
      message =
          "storage.endpoint, storage.accessKey and storage.secretKey are required when"
              + " storage.embedded is false")
  public boolean isEndpointGiven() {
    return embedded || endpoint != null && accessKey != null && secretKey != null;
  }

  /** Originals (under Object Lock) and derived objects never share a bucket. */
  @JsonIgnore
  @ValidationMethod(
      message = "storage.originalsBucket and storage.derivedBucket must be separate buckets")
  public boolean isBucketsSeparate() {
    return originalsBucket == null || !originalsBucket.equals(derivedBucket);
  }
}
