package vn.tangthu.archive.seal;

/**
 * The result of checking a receipt.
 *
 * @param valid true when the signature verifies with a published archive certificate and the
 *     payload is well formed
 * @param payload the signed JSON text, or null when unreadable
 * @param keyId the key id of the certificate that verified it, or null
 * @param reason why it is not valid (English), or null when valid
 */
public record ReceiptCheck(boolean valid, String payload, String keyId, String reason) {}
