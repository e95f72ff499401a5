package vn.tangthu.storage.internal.s3;

/** An S3 error answer: HTTP status, S3 error code and a human readable message. */
public final class S3Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public S3Exception(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static S3Exception noSuchBucket() {
    return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist");
  }

  public static S3Exception noSuchKey() {
    return new S3Exception(404, "NoSuchKey", "The specified key does not exist.");
  }

  public static S3Exception noSuchVersion() {
    return new S3Exception(404, "NoSuchVersion", "The specified version does not exist.");
  }

  public static S3Exception noSuchUpload() {
    return new S3Exception(404, "NoSuchUpload", "The specified multipart upload does not exist.");
  }

  public static S3Exception accessDenied(String message) {
    return new S3Exception(403, "AccessDenied", message);
  }

  public static S3Exception badDigest(String message) {
    return new S3Exception(400, "BadDigest", message);
  }

  public static S3Exception invalidArgument(String message) {
    return new S3Exception(400, "InvalidArgument", message);
  }

  public static S3Exception invalidRequest(String message) {
    return new S3Exception(400, "InvalidRequest", message);
  }

  public static S3Exception malformedXml() {
    return new S3Exception(
        400,
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published"
            + " schema.");
  }

  public static S3Exception preconditionFailed() {
    return new S3Exception(
        412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
  }

  public static S3Exception internal(String message) {
    return new S3Exception(500, "InternalError", message);
  }
}
