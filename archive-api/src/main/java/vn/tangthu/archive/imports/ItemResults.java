package vn.tangthu.archive.imports;

import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.record.CommitHook;

/**
 * Writes the result of each item of a running job, fenced by the job's lease: every write first
 * locks the job row (shared) and checks that the job is still RUNNING under the lease token this
 * node claimed it with, so once another node has claimed the job or it was cancelled, nothing this
 * node still had in flight commits. An IMPORTED result commits in the record's own transaction (see
 * {@link #hook}); a job's item with a result is never stored again. Thread-safe.
 */
final class ItemResults {

  /** The job is no longer this node's to run: its lease was taken over, or it left RUNNING. */
  static final class Fenced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fenced(UUID job) {
      super("import " + job + " is no longer held by this node", null, false, false);
    }
  }

  /** The job and the lease token it is run under. */
  record Lease(UUID jobId, long token) {}

  private final Jdbi jdbi;
  private final Clock clock;

  ItemResults(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records a DUPLICATE or FAILED result (or an IMPORTED one found by its idempotency key). */
  void record(Lease lease, ImportDao.ItemRow row) {
    jdbi.useTransaction(
        h -> {
          fence(h, lease);
          h.attach(ImportDao.class).insertItem(lease.jobId(), row);
        });
  }

  /** The work the record of item {@code index} commits with: the fence, then its IMPORTED row. */
  CommitHook hook(Lease lease, int index, String path) {
    return new CommitHook() {
      @Override
      public void begin(Handle h) {
        fence(h, lease);
      }

      @Override
      public void committing(Handle h, UUID mainRecordId) {
        h.attach(ImportDao.class).insertItem(lease.jobId(), imported(index, path, mainRecordId));
      }
    };
  }

  ImportDao.ItemRow imported(int index, String path, UUID recordId) {
    return new ImportDao.ItemRow(
        index, path, "IMPORTED", recordId, null, null, null, clock.instant());
  }

  ImportDao.ItemRow duplicate(
      int index, String path, UUID recordId, String message, String messageVi) {
    return new ImportDao.ItemRow(
        index, path, "DUPLICATE", recordId, "DUPLICATE", message, messageVi, clock.instant());
  }

  ImportDao.ItemRow failed(int index, String path, String code, String message, String messageVi) {
    return new ImportDao.ItemRow(
        index, path, "FAILED", null, code, message, messageVi, clock.instant());
  }

  private static void fence(Handle h, Lease lease) {
    ImportDao.Fence f =
        h.attach(ImportDao.class).fence(lease.jobId()).orElseThrow(() -> new Fenced(lease.jobId()));
    if (!ImportJob.RUNNING.equals(f.status()) || f.leaseToken() != lease.token()) {
      throw new Fenced(lease.jobId());
    }
  }
}
