package vn.tangthu.archive.record;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Work a caller of {@link IngestService} adds to the transaction that commits a record, so that it
 * commits or rolls back with it (an import job's per-item result and its lease check). Neither
 * method may take a lock that the writers of records take after it (the change log's, the audit
 * trail's); {@link #begin} runs before any of them.
 */
public interface CommitHook {

  /** Nothing added. */
  CommitHook NONE = new CommitHook() {};

  /**
   * The first step of the transaction. Throwing rolls it back, and the upload is discarded; the
   * exception reaches the caller of {@link IngestService#ingest(vn.tangthu.archive.base.Caller,
   * Submission, String, String, CommitHook)}.
   */
  default void begin(Handle h) {}

  /** After the record rows are written, before the change log and the audit trail. */
  default void committing(Handle h, UUID mainRecordId) {}
}
