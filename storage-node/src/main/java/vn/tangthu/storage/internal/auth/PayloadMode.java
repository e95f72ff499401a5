package vn.tangthu.storage.internal.auth;

/** How the request body is protected, from {@code x-amz-content-sha256}. */
public enum PayloadMode {
  /** The header holds the hex SHA-256 of the body, verified after streaming. */
  SIGNED,
  /** {@code UNSIGNED-PAYLOAD}. */
  UNSIGNED,
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked with chunk signatures. */
  STREAMING_SIGNED,
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks and a signed trailer. */
  STREAMING_SIGNED_TRAILER,
  /**
   * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, trailer checksum.
   */
  STREAMING_UNSIGNED_TRAILER;

  public boolean chunked() {
    return this == STREAMING_SIGNED
        || this == STREAMING_SIGNED_TRAILER
        || this == STREAMING_UNSIGNED_TRAILER;
  }
}
