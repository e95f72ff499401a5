/**
 * The vocabulary every feature may use and that uses no feature: who calls ({@link
 * vn.tangthu.archive.base.Caller}, {@link vn.tangthu.archive.base.Role}) and what is written to the
 * audit trail about it ({@link vn.tangthu.archive.base.AuditEvent}, {@link
 * vn.tangthu.archive.base.AuditTrail}). Features depend on this package, never on each other's
 * internals.
 */
package vn.tangthu.archive.base;
