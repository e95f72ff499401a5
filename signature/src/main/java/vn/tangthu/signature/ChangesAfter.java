package vn.tangthu.signature;

/** For a PDF signature, what the incremental updates after the signed revision changed. */
public enum ChangesAfter {
  NONE,
  ALLOWED,
  DISALLOWED
}
