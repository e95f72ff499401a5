/**
 * Long-term evidence: the archive's own RFC 3161 timestamp authority ({@link
 * vn.tangthu.archive.evidence.TimestampAuthority}) and RFC 4998 evidence records over batches of
 * records ({@link vn.tangthu.archive.evidence.EvidenceRecords}).
 */
package vn.tangthu.archive.evidence;
