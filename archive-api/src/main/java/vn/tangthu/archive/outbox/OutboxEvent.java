package vn.tangthu.archive.outbox;

import java.util.UUID;

/** One entry of the ordered change log: record {@code recordId} changed at {@code position}. */
public record OutboxEvent(long position, UUID recordId, String kind) {}
