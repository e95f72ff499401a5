package vn.tangthu.storage.contract;

import java.net.URI;

/**
 * An S3 endpoint under test.
 *
 * @param endpoint base URI
 * @param accessKey access key
 * @param secretKey secret key
 * @param lockAndVersioning whether the server implements versioning and Object Lock
 */
record S3Target(URI endpoint, String accessKey, String secretKey, boolean lockAndVersioning) {}
