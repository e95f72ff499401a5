package vn.tangthu.archive.record;

/**
 * A file of an upload once it is durable in S3.
 *
 * @param versionId the S3 version the upload made, null on an unversioned bucket
 */
record StoredFile(
    String objectKey,
    String sha256,
    long size,
    String contentType,
    String fileName,
    String versionId) {}
