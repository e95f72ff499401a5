package vn.tangthu.archive.imports;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.input.Cursors;

/**
 * Reading and cancelling import jobs through the visibility rule of {@link ImportAccess}: a job the
 * caller may not see is answered like one that does not exist. Thread-safe.
 */
final class ImportJobs {

  private static final Set<String> ITEM_STATUSES = Set.of("IMPORTED", "DUPLICATE", "FAILED");

  private final Jdbi jdbi;
  private final ImportAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  ImportJobs(Jdbi jdbi, ImportAccess access, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** The job, if it exists and {@code caller} may see it (else 404). */
  ImportJob visible(Caller caller, String id) {
    UUID uuid = Ids.parse(id).orElseThrow(ApiException::notFound);
    ImportJob job =
        jdbi.withExtension(ImportDao.class, d -> d.find(uuid)).orElseThrow(ApiException::notFound);
    if (!access.mayRead(caller, job)) {
      throw ApiException.notFound();
    }
    return job;
  }

  ImportView view(ImportJob job) {
    return ImportView.of(
        job, jdbi.withExtension(ImportDao.class, d -> d.counts(job.id())), clock.instant());
  }

  /** The jobs {@code caller} may see, newest first. */
  ImportView.Page page(Caller caller, String cursor, int size) {
    UUID before = Cursors.uuid(cursor).orElse(null);
    List<ImportJob> jobs =
        jdbi.withExtension(
            ImportDao.class,
            d ->
                caller.isAdmin()
                    ? d.page(before, size + 1)
                    : d.pageOf(access.scope(caller), caller.userId(), before, size + 1));
    boolean more = jobs.size() > size;
    List<ImportJob> shown = more ? jobs.subList(0, size) : jobs;
    return new ImportView.Page(
        shown.stream().map(this::view).toList(),
        more ? shown.get(shown.size() - 1).id().toString() : null);
  }

  /** A page of the job's item results in index order, of one status when given. */
  ImportItemView.Page items(
      Caller caller, String id, String status, String cursor, int size, boolean vietnamese) {
    ImportJob job = visible(caller, id);
    String wanted = status == null || status.isBlank() ? null : status;
    if (wanted != null && !ITEM_STATUSES.contains(wanted)) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "status must be IMPORTED, DUPLICATE or FAILED.",
          "status phải là IMPORTED, DUPLICATE hoặc FAILED.");
    }
    int after =
        Cursors.key(cursor, c -> c.length() <= 9 && c.chars().allMatch(Character::isDigit))
            .map(Integer::parseInt)
            .orElse(-1);
    List<ImportDao.ItemRow> rows =
        jdbi.withExtension(ImportDao.class, d -> d.items(job.id(), wanted, after, size + 1));
    boolean more = rows.size() > size;
    List<ImportDao.ItemRow> shown = more ? rows.subList(0, size) : rows;
    return new ImportItemView.Page(
        shown.stream().map(r -> ImportItemView.of(r, vietnamese)).toList(),
        more ? Integer.toString(shown.get(shown.size() - 1).idx()) : null);
  }

  /**
   * Cancels a QUEUED or RUNNING job: no item starts after this, and an item being stored when it
   * happens is rolled back (its result is not recorded). Cancelling a cancelled job changes
   * nothing; a DONE or FAILED job answers 409 {@code IMPORT_FINISHED}.
   */
  ImportView cancel(Caller caller, String id, String address) {
    ImportJob job = visible(caller, id);
    boolean cancelled =
        jdbi.inTransaction(
            h -> {
              if (h.attach(ImportDao.class).cancel(job.id(), clock.instant()) == 0) {
                return false;
              }
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          AuditEvent.IMPORT_CANCEL,
                          "IMPORT",
                          job.id().toString(),
                          AuditOutcome.SUCCESS,
                          address)
                      .concerning(job.agencyCode()));
              return true;
            });
    ImportJob now = jdbi.withExtension(ImportDao.class, d -> d.find(job.id())).orElseThrow();
    if (!cancelled && !ImportJob.CANCELLED.equals(now.status())) {
      throw ApiException.of(
              409,
              "IMPORT_FINISHED",
              "The import already ended with status " + now.status() + ".",
              "Lần nhập đã kết thúc với trạng thái " + now.status() + ".")
          .with("status", now.status());
    }
    return view(now);
  }
}
