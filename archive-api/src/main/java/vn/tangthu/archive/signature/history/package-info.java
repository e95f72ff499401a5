/**
 * Explicit re-verification of stored signature reports ({@link
 * vn.tangthu.archive.signature.history.SignatureReverifier}, run by the {@code reverify-signatures}
 * command) and the history of the reports it replaced ({@code GET
 * /records/{id}/signature/history}).
 */
package vn.tangthu.archive.signature.history;
