package vn.tangthu.storage.internal.store;

import java.util.Map;

/**
 * Attributes of a version about to be written.
 *
 * @param contentType media type
 * @param userMetadata {@code x-amz-meta-*} values (lower-case names without the prefix)
 * @param lock requested retention and legal hold (bucket defaults applied by the store)
 * @param explicitLock whether {@code lock} came from request headers (no default retention then)
 * @param etag ETag to record, or null to use the MD5 of the bytes
 * @param checksumType {@code COMPOSITE} or {@code FULL_OBJECT} for the checksums of a completed
 *     multipart upload, null for a single write (full-object checksums)
 * @param parts the parts of a completed multipart upload, else empty
 */
public record NewObject(
    String contentType,
    Map<String, String> userMetadata,
    LockState lock,
    boolean explicitLock,
    String etag,
    String checksumType,
    java.util.List<PartInfo> parts) {

  public NewObject {
    contentType = contentType == null ? "binary/octet-stream" : contentType;
    userMetadata = Map.copyOf(userMetadata);
    lock = lock == null ? LockState.NONE : lock;
    parts = parts == null ? java.util.List.of() : java.util.List.copyOf(parts);
  }

  /** Attributes of a single write. */
  public NewObject(
      String contentType,
      Map<String, String> userMetadata,
      LockState lock,
      boolean explicitLock,
      String etag) {
    this(contentType, userMetadata, lock, explicitLock, etag, null, null);
  }
}
