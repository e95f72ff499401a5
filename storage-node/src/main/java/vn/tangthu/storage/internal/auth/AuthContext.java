package vn.tangthu.storage.internal.auth;

/**
 * A verified request's identity and what is needed to check its body.
 *
 * @param accessKey the authenticated access key
 * @param payloadMode body protection
 * @param payloadSha256 expected hex SHA-256 of the body when {@link PayloadMode#SIGNED}
 * @param signingKey kSigning, for chunk signatures
 * @param amzDate request timestamp ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param scope credential scope
 * @param seedSignature the request signature, previous signature of the first chunk
 */
public record AuthContext(
    String accessKey,
    PayloadMode payloadMode,
    String payloadSha256,
    byte[] signingKey,
    String amzDate,
    String scope,
    String seedSignature) {}
