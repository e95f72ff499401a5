/**
 * The tamper-evident audit trail (architecture promise 7).
 *
 * <p>{@link vn.tangthu.archive.audit.AuditLog} appends {@link vn.tangthu.archive.base.AuditEvent}s
 * to the append-only table {@code audit_log}. Entry ids run 1, 2, 3, … without gaps in commit order
 * (the {@code audit_head} row lock, as for the outbox position). Each entry's hash is SHA-256 over
 * the previous entry's hash and the entry's canonical encoding ({@link
 * vn.tangthu.archive.audit.AuditChain}), and the newest entry is anchored outside PostgreSQL in S3
 * ({@link vn.tangthu.archive.audit.AuditAnchor}, {@code audit/head.json} in the derived bucket), so
 * that changing, inserting or deleting any entry, the newest included, is found by {@link
 * vn.tangthu.archive.audit.AuditLog#verify()}, by {@code GET /audit/verify} ({@link
 * vn.tangthu.archive.audit.AuditResource}) and offline by the {@code audit-verify} command ({@link
 * vn.tangthu.archive.maintenance.AuditVerifyCommand}).
 *
 * <p>State changes are audited in their own transaction; reads are batched, and a crash loses at
 * most the reads of the last second or so (see {@link vn.tangthu.archive.audit.AuditLog}).
 */
package vn.tangthu.archive.audit;
