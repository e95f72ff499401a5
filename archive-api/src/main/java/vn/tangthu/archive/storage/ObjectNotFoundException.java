package vn.tangthu.archive.storage;

/** The object (or its bucket) does not exist. */
public final class ObjectNotFoundException extends StorageException {

  public ObjectNotFoundException(String bucket, String key, String code) {
    super(code + ": " + bucket + "/" + key);
  }
}
