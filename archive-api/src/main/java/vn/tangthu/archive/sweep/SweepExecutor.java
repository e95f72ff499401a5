package vn.tangthu.archive.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.lease.LeaseLostException;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.storage.StorageException;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.retention.certificate.DestructionCertificate;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.sweep.ItemDecision;
import vn.tangthu.retention.sweep.SkipReason;
import vn.tangthu.retention.sweep.SweepCandidate;
import vn.tangthu.retention.sweep.SweepException;
import vn.tangthu.retention.sweep.SweepItem;
import vn.tangthu.retention.sweep.SweepRules;
import vn.tangthu.retention.sweep.SweepState;

/**
 * Executes approved sweeps and confirms transfers. Each item is re-checked against the current
 * facts (holds, eligibility, status) and then acted on in its own transaction, so an interrupted
 * run leaves finished items finished and a second call completes the rest. When every item is
 * settled the search index is merged (no deleted text left in it) and a certificate is signed.
 *
 * <p>Thread-safe; one execution per sweep at a time across every API node: an execution holds the
 * sweep's lease ({@code sweep:<id>} in {@link Leases}; {@code SWEEP_BUSY} while another holds it),
 * and its start and its certificate commit fenced by that lease. When the node executing dies, its
 * lease lapses and a new call on any node resumes the sweep where it stopped.
 */
public final class SweepExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(SweepExecutor.class);
  private static final Duration INDEX_WAIT = Duration.ofMinutes(2);
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final SweepService sweeps;
  private final SweepAccess access;
  private final RecordDisposal disposal;
  private final IndexerWorker worker;
  private final SearchIndex index;
  private final CertificateSealer sealer;
  private final AuditTrail audit;
  private final Ids ids;
  private final Clock clock;
  private final Leases leases;

  SweepExecutor(
      Jdbi jdbi,
      SweepService sweeps,
      SweepAccess access,
      RecordDisposal disposal,
      IndexerWorker worker,
      SearchIndex index,
      CertificateSealer sealer,
      AuditTrail audit,
      Ids ids,
      Clock clock,
      Leases leases) {
    this.leases = leases;
    this.jdbi = jdbi;
    this.sweeps = sweeps;
    this.access = access;
    this.disposal = disposal;
    this.worker = worker;
    this.index = index;
    this.sealer = sealer;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Executes (or resumes) an APPROVED sweep: DESTROY items are destroyed, TRANSFER items wait for
   * the historical archive's receipt, REVIEW items are listed, items the re-check refuses are
   * skipped with the reason.
   *
   * @throws ApiException 409 {@code SWEEP_STATE} unless APPROVED or EXECUTING, 409 {@code
   *     SWEEP_BUSY}, 403 unless an ARCHIVIST or APPROVER of the agency (or ADMIN), 503 when storage
   *     fails (the sweep stays EXECUTING; call again)
   */
  public SweepView execute(Caller caller, String id) {
    SweepRow visible = sweeps.visible(caller, id);
    requireExecutor(caller, visible.agencyCode());
    guarded(
        visible.id(),
        lease -> {
          start(caller, visible.id(), lease);
          finishPurging(caller, visible.id(), DispositionAction.DESTROY);
          List<ItemRow> pending = items(visible.id(), "PENDING");
          for (ItemDecision d : recheck(pending)) {
            UUID recordId = UUID.fromString(d.item().recordId());
            switch (d.outcome()) {
              case SKIP ->
                  skip(
                      caller,
                      visible.id(),
                      visible.agencyCode(),
                      recordId,
                      d.skipReason().orElseThrow());
              case LIST_ONLY -> setState(visible.id(), recordId, "LISTED");
              case EXECUTE -> {
                if (d.item().action() == DispositionAction.TRANSFER) {
                  setState(visible.id(), recordId, "AWAITING_TRANSFER");
                } else {
                  disposal.dispose(caller, visible.id(), recordId, RecordDisposal.Kind.DESTROY);
                }
              }
            }
          }
          mergeIndex();
          finish(caller, visible.id(), lease);
        });
    return sweeps.view(sweeps.find(visible.id()));
  }

  /**
   * Confirms the historical archive's receipt of an EXECUTED sweep's TRANSFER items: re-checks
   * each, removes the bytes as for destruction, marks them TRANSFERRED and signs a transfer
   * certificate. Resumable like {@link #execute}.
   *
   * @throws ApiException 409 {@code SWEEP_STATE} unless EXECUTED with items awaiting transfer
   */
  public SweepView confirmTransfer(Caller caller, String id, String receivedBy, String reference) {
    SweepRow visible = sweeps.visible(caller, id);
    access.requireArchivist(caller, visible.agencyCode());
    String by = requireText(receivedBy, "receivedBy");
    String ref = requireText(reference, "reference");
    guarded(
        visible.id(),
        lease -> {
          jdbi.useTransaction(
              h -> {
                lease.fence(h);
                SweepDao dao = h.attach(SweepDao.class);
                SweepRow row = dao.lock(visible.id()).orElseThrow(ApiException::notFound);
                if (!"EXECUTED".equals(row.status()) || row.transferConfirmedAt() != null) {
                  throw stateRefused("confirm a transfer of", row.status());
                }
                boolean any =
                    !dao.itemsIn(row.id(), List.of("AWAITING_TRANSFER", "PURGING")).isEmpty();
                if (!any) {
                  throw ApiException.of(
                      409,
                      "NO_TRANSFER",
                      "The sweep has no items awaiting transfer.",
                      "Đợt hủy không có văn bản chờ chuyển giao.");
                }
                dao.transferStarted(row.id(), by, ref, caller.username());
              });
          finishPurging(caller, visible.id(), DispositionAction.TRANSFER);
          for (ItemDecision d : recheck(items(visible.id(), "AWAITING_TRANSFER"))) {
            UUID recordId = UUID.fromString(d.item().recordId());
            if (d.outcome() == ItemDecision.Outcome.SKIP) {
              skip(
                  caller,
                  visible.id(),
                  visible.agencyCode(),
                  recordId,
                  d.skipReason().orElseThrow());
            } else {
              disposal.dispose(caller, visible.id(), recordId, RecordDisposal.Kind.TRANSFER);
            }
          }
          mergeIndex();
          finishTransfer(caller, visible.id(), by, ref, lease);
        });
    return sweeps.view(sweeps.find(visible.id()));
  }

  private void requireExecutor(Caller caller, String agencyCode) {
    if (!access.canAct(caller, Role.ARCHIVIST, agencyCode)
        && !access.canAct(caller, Role.APPROVER, agencyCode)) {
      throw ApiException.forbidden(
          "Only an archivist or approver of the agency or an ancestor may execute a sweep.",
          "Chỉ lưu trữ viên hoặc người phê duyệt của cơ quan hoặc cấp trên được thực hiện đợt hủy.");
    }
  }

  /** The lease of one sweep's execution. */
  static String leaseName(UUID id) {
    return "sweep:" + id;
  }

  private void guarded(UUID id, Consumer<Leases.Held> work) {
    Optional<Leases.Held> held = leases.acquire(leaseName(id), LEASE);
    if (held.isEmpty()) {
      throw SweepErrors.busy();
    }
    try (Leases.Held lease = held.get()) {
      work.accept(lease);
    } catch (LeaseLostException e) {
      LOG.warn("Sweep {} taken over by another node: {}", id, e.getMessage());
      throw SweepErrors.busy();
    } catch (StorageException e) {
      LOG.warn("Sweep {} interrupted by storage: {}", id, e.getMessage());
      throw ApiException.of(
              503,
              "STORAGE_UNAVAILABLE",
              "Storage refused or failed; the finished items stay done. Try again to resume.",
              "Kho lưu trữ từ chối hoặc gặp lỗi; các mục đã xong vẫn giữ nguyên. Hãy thử lại để"
                  + " tiếp tục.")
          .with("sweepId", id.toString());
    }
  }

  private void start(Caller caller, UUID id, Leases.Held lease) {
    jdbi.useTransaction(
        h -> {
          lease.fence(h);
          SweepDao dao = h.attach(SweepDao.class);
          SweepRow row = dao.lock(id).orElseThrow(ApiException::notFound);
          SweepState state = SweepState.valueOf(row.status());
          try {
            dao.setStatus(id, state.startExecution().name());
          } catch (SweepException e) {
            throw SweepErrors.of(e);
          }
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.EXECUTE,
                      SweepService.TARGET,
                      id.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("phase", state == SweepState.APPROVED ? "start" : "resume")
                  .concerning(row.agencyCode()));
        });
  }

  /** Items whose disposal was decided before an interruption are finished without re-check. */
  private void finishPurging(Caller caller, UUID id, DispositionAction action) {
    for (ItemRow r : items(id, "PURGING")) {
      if (DispositionAction.valueOf(r.action()) == action) {
        disposal.dispose(
            caller,
            id,
            r.recordId(),
            action == DispositionAction.TRANSFER
                ? RecordDisposal.Kind.TRANSFER
                : RecordDisposal.Kind.DESTROY);
      }
    }
  }

  private List<ItemRow> items(UUID id, String state) {
    return jdbi.withExtension(SweepDao.class, d -> d.itemsIn(id, List.of(state)));
  }

  /** The decisions for {@code rows} against the current facts of their records and dossiers. */
  private List<ItemDecision> recheck(List<ItemRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<SweepItem> items = rows.stream().map(ItemRow::item).toList();
    Map<String, SweepCandidate> current = new HashMap<>();
    int batch = 1000;
    for (int from = 0; from < rows.size(); from += batch) {
      List<ItemRow> part = rows.subList(from, Math.min(rows.size(), from + batch));
      List<UUID> recordIds = part.stream().map(ItemRow::recordId).toList();
      List<String> fileCodes =
          new ArrayList<>(
              new LinkedHashSet<>(
                  part.stream().map(ItemRow::fileCode).filter(f -> f != null).toList()));
      for (RecordFacts f : jdbi.withExtension(SweepDao.class, d -> d.facts(recordIds, fileCodes))) {
        current.put(f.id().toString(), f.candidate());
      }
    }
    return SweepRules.recheck(items, current, clock);
  }

  private void skip(Caller caller, UUID id, String agency, UUID recordId, SkipReason reason) {
    jdbi.useTransaction(
        h -> {
          h.attach(SweepDao.class)
              .setItemState(id, recordId, "SKIPPED", reason.name(), clock.instant());
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.ITEM_SKIP,
                      AuditEvent.RECORD,
                      recordId.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("sweepId", id)
                  .withDetail("reason", reason.name())
                  .concerning(agency));
        });
  }

  private void setState(UUID id, UUID recordId, String state) {
    jdbi.useExtension(
        SweepDao.class, d -> d.setItemState(id, recordId, state, null, clock.instant()));
  }

  /** Waits until the indexer applied every DELETE so far, then merges the deletions away. */
  private void mergeIndex() {
    long head = jdbi.withExtension(OutboxDao.class, OutboxDao::head);
    try {
      if (!worker.awaitApplied(head, INDEX_WAIT)) {
        throw ApiException.of(
            503,
            "INDEX_TIMEOUT",
            "The search index has not caught up yet; execute again to finish.",
            "Chỉ mục tìm kiếm chưa cập nhật kịp; hãy thực hiện lại để hoàn tất.");
      }
      index.forceMergeDeletes();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the index", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge the search index", e);
    }
  }

  private void finish(Caller caller, UUID id, Leases.Held lease) {
    jdbi.useTransaction(
        h -> {
          lease.fence(h);
          SweepDao dao = h.attach(SweepDao.class);
          SweepRow row = dao.lock(id).orElseThrow(ApiException::notFound);
          try {
            SweepState.valueOf(row.status()).finishExecution();
          } catch (SweepException e) {
            throw SweepErrors.of(e);
          }
          Instant now = clock.instant();
          UUID certificateId = ids.next();
          List<ItemRow> done = dao.itemsIn(id, List.of("DONE"));
          List<ItemRow> skipped = dao.itemsIn(id, List.of("SKIPPED"));
          DestructionCertificate certificate =
              certificate(dao, certificateId, row, now, done, skipped);
          store(dao, certificate, id, "DESTRUCTION", now);
          dao.executed(id, now, certificateId);
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.EXECUTE,
                      SweepService.TARGET,
                      id.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("phase", "finish")
                  .concerning(row.agencyCode())
                  .withDetail("certificateId", certificateId)
                  .withDetail("destroyed", done.size())
                  .withDetail("skipped", skipped.size()));
        });
  }

  private void finishTransfer(
      Caller caller, UUID id, String receivedBy, String reference, Leases.Held lease) {
    jdbi.useTransaction(
        h -> {
          lease.fence(h);
          SweepDao dao = h.attach(SweepDao.class);
          SweepRow row = dao.lock(id).orElseThrow(ApiException::notFound);
          Instant now = clock.instant();
          UUID certificateId = ids.next();
          List<ItemRow> done = dao.itemsIn(id, List.of("TRANSFERRED"));
          List<ItemRow> skipped =
              dao.itemsIn(id, List.of("SKIPPED")).stream()
                  .filter(r -> "TRANSFER".equals(r.action()))
                  .toList();
          DestructionCertificate certificate =
              certificate(dao, certificateId, row, now, done, skipped);
          store(dao, certificate, id, "TRANSFER", now);
          dao.transferConfirmed(id, now, certificateId);
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.TRANSFER_CONFIRM,
                      SweepService.TARGET,
                      id.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("certificateId", certificateId)
                  .concerning(row.agencyCode())
                  .withDetail("receivedBy", receivedBy)
                  .withDetail("reference", reference)
                  .withDetail("transferred", done.size())
                  .withDetail("skipped", skipped.size()));
        });
  }

  private DestructionCertificate certificate(
      SweepDao dao,
      UUID certificateId,
      SweepRow row,
      Instant now,
      List<ItemRow> done,
      List<ItemRow> skipped) {
    List<DestructionCertificate.Item> items = new ArrayList<>();
    Map<UUID, ItemRow> byMain = new HashMap<>();
    done.forEach(r -> byMain.put(r.recordId(), r));
    int batch = 1000;
    for (int from = 0; from < done.size(); from += batch) {
      List<UUID> mainIds =
          done.subList(from, Math.min(done.size(), from + batch)).stream()
              .map(ItemRow::recordId)
              .toList();
      for (SweepDao.Disposed d : dao.withAttachments(mainIds)) {
        ItemRow item = byMain.get(d.mainRecordId() == null ? d.id() : d.mainRecordId());
        items.add(
            new DestructionCertificate.Item(
                d.id().toString(),
                Optional.ofNullable(item.fileCode()),
                d.sha256(),
                DispositionAction.valueOf(item.action())));
      }
    }
    List<DestructionCertificate.Skipped> skips =
        skipped.stream()
            .map(
                r ->
                    new DestructionCertificate.Skipped(
                        r.recordId().toString(), SkipReason.valueOf(r.skipReason())))
            .toList();
    return new DestructionCertificate(
        certificateId.toString(),
        row.id().toString(),
        row.agencyCode(),
        row.asOf(),
        row.plannedBy(),
        row.plannedAt(),
        row.approvedBy(),
        row.approvedAt(),
        now,
        items,
        skips);
  }

  private void store(
      SweepDao dao, DestructionCertificate certificate, UUID sweepId, String kind, Instant now) {
    byte[] canonical = certificate.canonicalBytes();
    CertificateSealer.Seal seal = sealer.seal(canonical);
    dao.insertCertificate(
        UUID.fromString(certificate.certificateId()),
        sweepId,
        kind,
        canonical,
        seal.cms(),
        seal.signer().keyId(),
        now);
    LOG.info("Signed {} certificate {} of sweep {}", kind, certificate.certificateId(), sweepId);
  }

  private static ApiException stateRefused(String what, String status) {
    return ApiException.of(
        409,
        "SWEEP_STATE",
        "Cannot " + what + " a sweep that is " + status + ".",
        "Không thể thực hiện với đợt hủy ở trạng thái " + status + ".");
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw SweepErrors.invalid(name + " is required.", "Thiếu " + name + ".");
    }
    if (value.length() > 500) {
      throw SweepErrors.invalid(
          name + " is longer than 500 characters.", name + " dài quá 500 ký tự.");
    }
    return value.strip();
  }
}
