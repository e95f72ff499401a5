package vn.tangthu.storage.contract;

import java.net.URI;
import java.util.Set;

/**
 * An S3 endpoint under test.
 *
 * @param endpoint base URI
 * @param accessKey access key
 * @param secretKey secret key
 * @param features optional S3 behaviours the server implements
 */
record S3Target(URI endpoint, String accessKey, String secretKey, Set<Feature> features) {

  /** S3 behaviours that not every server under test has. */
  enum Feature {
    /** Bucket versioning, delete markers, Object Lock, legal hold. */
    VERSIONING_AND_LOCK,
    /** A key may also be the prefix of other keys ({@code a} and {@code a/b}), or end in '/'. */
    KEY_IS_ALSO_PREFIX,
    /** An aborted upload id is unknown afterwards (NoSuchUpload). */
    STRICT_UPLOAD_IDS,
    /** DeleteBucket succeeds when only in-progress multipart uploads remain, discarding them. */
    DELETE_BUCKET_DISCARDS_UPLOADS,
    /**
     * Additional checksums (CRC32, CRC32C, SHA-1, SHA-256, multipart composite and full-object)
     * stored and returned; S3Proxy 4.1.0 verifies some but returns none.
     */
    CHECKSUMS,
    /** GetObjectAttributes; S3Proxy 4.1.0 answers 501 NotImplemented. */
    OBJECT_ATTRIBUTES,
    /** A continuation token the server did not issue is refused (InvalidArgument). */
    STRICT_CONTINUATION_TOKENS,
    /** Per-bucket CORS configuration and preflight answers from it. */
    BUCKET_CORS,
    /**
     * {@code partNumber} on GET and HEAD answered as a range (206), single-part objects included;
     * S3Proxy 4.1.0 ignores the parameter and answers the whole object with 200.
     */
    PART_NUMBER_READS
  }
}
