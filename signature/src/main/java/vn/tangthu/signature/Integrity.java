package vn.tangthu.signature;

/**
 * Whether the bytes the signer signed are unchanged; {@code UNKNOWN} when they cannot be checked.
 */
public enum Integrity {
  INTACT,
  BROKEN,
  UNKNOWN
}
