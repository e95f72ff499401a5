package vn.tangthu.archive.record;

/** A file of an upload once it is durable in S3. */
record StoredFile(
    String objectKey, String sha256, long size, String contentType, String fileName) {}
