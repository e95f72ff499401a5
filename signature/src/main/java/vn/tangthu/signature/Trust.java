package vn.tangthu.signature;

/**
 * Whether the signer's certificate chains to a configured trust anchor at the signing time,
 * unrevoked.
 */
public enum Trust {
  TRUSTED,
  UNTRUSTED,
  UNKNOWN
}
