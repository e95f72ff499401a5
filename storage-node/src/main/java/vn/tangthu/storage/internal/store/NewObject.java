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
 */
public record NewObject(
    String contentType,
    Map<String, String> userMetadata,
    LockState lock,
    boolean explicitLock,
    String etag) {

  public NewObject {
    contentType = contentType == null ? "binary/octet-stream" : contentType;
    userMetadata = Map.copyOf(userMetadata);
    lock = lock == null ? LockState.NONE : lock;
  }
}
