package vn.tangthu.archive.storage;

/** The storage backend failed or refused; the operation did not take effect as asked. */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  protected StorageException(String message) {
    super(message);
  }
}
