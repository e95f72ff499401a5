package vn.tangthu.storage.internal.store;

/** A check run under the key's lock against the current live version (null if none). */
@FunctionalInterface
public interface Precondition {
  Precondition NONE = current -> {};

  /**
   * @throws vn.tangthu.storage.internal.s3.S3Exception when the write must not happen
   */
  void check(ObjectMeta current);
}
