package vn.tangthu.archive.storage;

import java.util.Map;

/** What S3 says about a stored object. */
public record ObjectInfo(String key, long size, String etag, Map<String, String> userMetadata) {

  public ObjectInfo {
    userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
  }
}
