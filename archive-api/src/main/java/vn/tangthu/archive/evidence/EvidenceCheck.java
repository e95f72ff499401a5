package vn.tangthu.archive.evidence;

import java.time.Instant;

/**
 * The result of checking bytes against an evidence record.
 *
 * @param valid true when the bytes are covered by the record's hash tree, every timestamp is intact
 *     and the last one was issued by one of the archive's timestamp-authority certificates
 * @param firstTime the time of the earliest timestamp (existence proven since), or null
 * @param reason why it is not valid, or null
 */
public record EvidenceCheck(boolean valid, Instant firstTime, String reason) {}
