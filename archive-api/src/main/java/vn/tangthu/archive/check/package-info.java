/**
 * Online fixity and evidence checks ({@code POST /checks}, {@code GET /checks/{id}}): an ADMIN or
 * AUDITOR re-reads the originals (SHA-256) or verifies their evidence records while the archive
 * keeps serving. Checks are durable in PostgreSQL and run in the background, one at a time per node
 * on a low-priority thread, with the same verification code as the offline {@code evidence-verify}
 * command ({@link vn.tangthu.archive.evidence.EvidenceVerification}).
 */
package vn.tangthu.archive.check;
