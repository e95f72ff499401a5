package vn.tangthu.intake;

/** Why a whole package is refused; stable codes, meant for a 422 (or 413) answer. */
public enum PackageErrorCode {
  /** Not one of the {@link PackageFormat}s, or an archive too damaged to list. */
  UNSUPPORTED_PACKAGE,
  /** A BagIt bag that fails RFC 8493 verification: manifests, completeness, {@code fetch.txt}. */
  BAG_INVALID,
  /** More entries, or more declared bytes, than {@link IntakeLimits} allow. */
  PACKAGE_TOO_LARGE,
  /** {@code metadata.csv}/{@code metadata.json} unreadable as a whole (not one row of it). */
  INVALID_METADATA
}
