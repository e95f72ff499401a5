package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.sweep.ApprovalFacts;
import vn.tangthu.retention.sweep.Exclusion;
import vn.tangthu.retention.sweep.SweepException;
import vn.tangthu.retention.sweep.SweepItem;
import vn.tangthu.retention.sweep.SweepPlan;
import vn.tangthu.retention.sweep.SweepRules;
import vn.tangthu.retention.sweep.SweepState;

/**
 * Plans sweeps and takes them through review: listing, taking items out (a dossier goes whole),
 * rejection and two-person approval. Every change is audited in its own transaction. Thread-safe.
 */
public final class SweepService {

  static final String TARGET = "SWEEP";

  private final Jdbi jdbi;
  private final SweepAccess access;
  private final AuditTrail audit;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper json;

  public SweepService(
      Jdbi jdbi, SweepAccess access, AuditTrail audit, Ids ids, Clock clock, ObjectMapper json) {
    this.jdbi = jdbi;
    this.access = access;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Plans a sweep of {@code agencyCode} and its descendants as of {@code asOf} (today in Vietnam
   * when empty).
   *
   * @throws ApiException 400 for an unknown agency, 403 unless an ARCHIVIST of it or an ancestor
   */
  public SweepView plan(Caller caller, String agencyCode, Optional<LocalDate> asOf) {
    if (agencyCode == null || !access.exists(agencyCode)) {
      throw ApiException.badRequest(
          "UNKNOWN_AGENCY",
          "Unknown agency: " + agencyCode,
          "Cơ quan không tồn tại: " + agencyCode);
    }
    access.requireArchivist(caller, agencyCode);
    LocalDate date = SweepRules.asOf(asOf, clock);
    SweepPlan plan = plan(agencyCode, date);
    UUID id = ids.next();
    Instant now = clock.instant();
    Map<String, Integer> excluded = new TreeMap<>();
    plan.excluded().forEach(e -> excluded.merge(e.reason().name(), 1, Integer::sum));
    String counts = write(Map.of("excluded", excluded));
    jdbi.useTransaction(
        h -> {
          SweepDao dao = h.attach(SweepDao.class);
          dao.insertSweep(id, agencyCode, date, counts, caller.username(), now);
          insertItems(dao, id, plan.items());
          insertExclusions(dao, id, plan.excluded());
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      AuditEvent.SWEEP_PLAN,
                      TARGET,
                      id.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("agencyCode", agencyCode)
                  .withDetail("asOf", date)
                  .withDetail("items", plan.items().size())
                  .withDetail("excluded", plan.excluded().size())
                  .concerning(agencyCode));
        });
    return view(find(id));
  }

  /** The plan for {@code agencyCode}'s subtree as of {@code asOf}, from the current records. */
  SweepPlan plan(String agencyCode, LocalDate asOf) {
    return new SweepPlanner(jdbi).plan(access.subtree(agencyCode), asOf);
  }

  private static void insertItems(SweepDao dao, UUID id, List<SweepItem> items) {
    int batch = 1000;
    for (int from = 0; from < items.size(); from += batch) {
      List<SweepItem> part = items.subList(from, Math.min(items.size(), from + batch));
      dao.insertItems(
          id,
          part.stream().map(i -> UUID.fromString(i.recordId())).toList(),
          part.stream().map(i -> i.fileCode().orElse(null)).toList(),
          part.stream().map(i -> i.action().name()).toList(),
          part.stream().map(SweepItem::eligibleOn).toList());
    }
  }

  private static void insertExclusions(SweepDao dao, UUID id, List<Exclusion> excluded) {
    int batch = 1000;
    for (int from = 0; from < excluded.size(); from += batch) {
      List<Exclusion> part = excluded.subList(from, Math.min(excluded.size(), from + batch));
      dao.insertExclusions(
          id,
          part.stream().map(e -> UUID.fromString(e.recordId())).toList(),
          part.stream().map(e -> e.fileCode().orElse(null)).toList(),
          part.stream().map(e -> e.reason().name()).toList());
    }
  }

  /** The sweep, if the caller may see it (else 404, or 403 without a sweep role). */
  public SweepRow visible(Caller caller, String id) {
    access.requireSweepRole(caller);
    SweepRow row = find(parse(id));
    access.requireVisible(caller, row.agencyCode());
    return row;
  }

  SweepRow find(UUID id) {
    return jdbi.withExtension(SweepDao.class, d -> d.find(id)).orElseThrow(ApiException::notFound);
  }

  public SweepView view(SweepRow row) {
    Map<String, Object> counts = new LinkedHashMap<>();
    Map<String, Integer> byAction = new LinkedHashMap<>();
    for (DispositionAction a : DispositionAction.values()) {
      byAction.put(a.name(), 0);
    }
    Map<String, Integer> states = new TreeMap<>();
    int items = 0;
    int removed = 0;
    for (SweepDao.Tally t : jdbi.withExtension(SweepDao.class, d -> d.tally(row.id()))) {
      if ("REMOVED".equals(t.state())) {
        removed += t.n();
        continue;
      }
      items += t.n();
      byAction.merge(t.action(), t.n(), Integer::sum);
      states.merge(t.state(), t.n(), Integer::sum);
    }
    counts.put("items", items);
    counts.putAll(byAction);
    counts.put("removed", removed);
    counts.put("excluded", read(row.counts()).getOrDefault("excluded", Map.of()));
    counts.put("states", states);
    return SweepView.of(row, counts);
  }

  /** A page of the sweeps the caller sees, newest first. */
  public Page<SweepView> page(Caller caller, String cursor, int size) {
    List<String> agencies = access.visibleAgencies(caller);
    UUID after = cursor(cursor);
    List<SweepRow> rows =
        jdbi.withExtension(
            SweepDao.class,
            d ->
                d.page(agencies == null, agencies == null ? List.of() : agencies, after, size + 1));
    List<SweepView> out = rows.stream().limit(size).map(this::view).toList();
    return new Page<>(out, rows.size() > size ? out.get(out.size() - 1).id().toString() : null);
  }

  /** A page of the items (those not taken out) of a sweep the caller sees, in record id order. */
  public Page<ItemView> items(SweepRow row, String cursor, int size) {
    UUID after = cursor(cursor);
    List<ItemRow> rows =
        jdbi.withExtension(SweepDao.class, d -> d.items(row.id(), after, size + 1));
    List<ItemView> out = rows.stream().limit(size).map(ItemView::of).toList();
    return new Page<>(
        out, rows.size() > size ? out.get(out.size() - 1).recordId().toString() : null);
  }

  /** Every item not taken out, in record id order (for the CSV). */
  public List<SweepItem> allItems(SweepRow row) {
    List<SweepItem> out = new ArrayList<>();
    UUID after = null;
    while (true) {
      UUID from = after;
      List<ItemRow> rows = jdbi.withExtension(SweepDao.class, d -> d.items(row.id(), from, 1000));
      rows.forEach(r -> out.add(r.item()));
      if (rows.size() < 1000) {
        return out;
      }
      after = rows.get(rows.size() - 1).recordId();
    }
  }

  /** The main records of the items cleared for transfer and not yet transferred. */
  public List<UUID> awaitingTransfer(SweepRow row) {
    return jdbi
        .withExtension(SweepDao.class, d -> d.itemsIn(row.id(), List.of("AWAITING_TRANSFER")))
        .stream()
        .map(ItemRow::recordId)
        .toList();
  }

  /**
   * Takes an item out of a PLANNED sweep; the other items of its dossier go with it.
   *
   * @return the record ids taken out
   * @throws ApiException 404 when the record is not an item, 409 unless PLANNED
   */
  public List<String> remove(Caller caller, String id, String recordId, String reason) {
    SweepRow visible = visible(caller, id);
    access.requireArchivist(caller, visible.agencyCode());
    String why = requireReason(reason);
    return jdbi.inTransaction(
        h -> {
          SweepDao dao = h.attach(SweepDao.class);
          SweepRow row = dao.lock(visible.id()).orElseThrow(ApiException::notFound);
          try {
            SweepState.valueOf(row.status()).requireItemsEditable();
          } catch (SweepException e) {
            throw SweepErrors.of(e);
          }
          List<SweepItem> items =
              dao.itemsIn(row.id(), List.of("PENDING")).stream().map(ItemRow::item).toList();
          List<SweepItem> gone = SweepRules.removalSet(items, recordId);
          if (gone.isEmpty()) {
            throw ApiException.notFound();
          }
          List<UUID> goneIds = gone.stream().map(i -> UUID.fromString(i.recordId())).toList();
          dao.remove(row.id(), goneIds, caller.username(), why);
          List<String> out = gone.stream().map(SweepItem::recordId).toList();
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.ITEM_REMOVE,
                      TARGET,
                      row.id().toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("recordId", recordId)
                  .withDetail("removed", out.size())
                  .withDetail("reason", why)
                  .concerning(row.agencyCode()));
          return out;
        });
  }

  /**
   * Rejects a PLANNED sweep.
   *
   * @throws ApiException 409 unless PLANNED, 403 unless an archivist or approver of the agency
   */
  public SweepView reject(Caller caller, String id, String reason) {
    SweepRow visible = visible(caller, id);
    if (!caller.isAdmin() && !(caller.has(Role.ARCHIVIST) || caller.has(Role.APPROVER))) {
      throw ApiException.forbidden(
          "Only an archivist or approver may reject a sweep.",
          "Chỉ lưu trữ viên hoặc người phê duyệt được từ chối đợt hủy.");
    }
    String why = requireReason(reason);
    jdbi.useTransaction(
        h -> {
          SweepDao dao = h.attach(SweepDao.class);
          SweepRow row = dao.lock(visible.id()).orElseThrow(ApiException::notFound);
          try {
            SweepState.valueOf(row.status()).reject();
          } catch (SweepException e) {
            throw SweepErrors.of(e);
          }
          dao.reject(row.id(), caller.username(), clock.instant(), why);
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      SweepAudit.REJECT,
                      TARGET,
                      row.id().toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("reason", why)
                  .concerning(row.agencyCode()));
        });
    return view(find(visible.id()));
  }

  /**
   * Approves a PLANNED sweep: an APPROVER of the sweep's agency or an ancestor, not the planner.
   *
   * @throws ApiException 403 {@code SELF_APPROVAL}, {@code NOT_APPROVER} or {@code OUTSIDE_AGENCY};
   *     409 {@code SWEEP_STATE}
   */
  public SweepView approve(Caller caller, String id) {
    SweepRow visible = visible(caller, id);
    try {
      jdbi.useTransaction(
          h -> {
            SweepDao dao = h.attach(SweepDao.class);
            SweepRow row = dao.lock(visible.id()).orElseThrow(ApiException::notFound);
            SweepState.valueOf(row.status()).approve(facts(caller, row));
            dao.approve(row.id(), caller.username(), clock.instant());
            audit.append(
                h,
                AuditEvent.of(
                        caller,
                        AuditEvent.SWEEP_APPROVE,
                        TARGET,
                        row.id().toString(),
                        AuditOutcome.SUCCESS,
                        null)
                    .withDetail("plannedBy", row.plannedBy())
                    .concerning(row.agencyCode()));
          });
    } catch (SweepException e) {
      audit.appendNow(
          AuditEvent.of(
                  caller,
                  AuditEvent.SWEEP_APPROVE,
                  TARGET,
                  visible.id().toString(),
                  AuditOutcome.DENIED,
                  null)
              .withDetail("code", e.code().name())
              .concerning(visible.agencyCode()));
      throw SweepErrors.of(e);
    }
    return view(find(visible.id()));
  }

  private ApprovalFacts facts(Caller caller, SweepRow row) {
    List<String> lineage = access.lineage(row.agencyCode());
    java.util.Set<String> roles = new java.util.HashSet<>();
    caller.roles().forEach(r -> roles.add(r.name()));
    String agency = caller.agencyCode();
    if (caller.isAdmin()) {
      roles.add(ApprovalFacts.APPROVER_ROLE);
      agency = agency == null ? lineage.get(lineage.size() - 1) : agency;
    } else if (agency != null) {
      // a successor agency approves for the agencies it succeeded
      agency =
          access.identities(agency).stream().filter(lineage::contains).findFirst().orElse(agency);
    }
    return new ApprovalFacts(
        row.plannedBy(), caller.username(), roles, agency == null ? "-" : agency, lineage);
  }

  static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw SweepErrors.invalid("A reason is required.", "Cần nêu lý do.");
    }
    if (reason.length() > 2000) {
      throw SweepErrors.invalid(
          "The reason is longer than 2000 characters.", "Lý do dài quá 2000 ký tự.");
    }
    return reason.strip();
  }

  static UUID parse(String id) {
    return Ids.parse(id).orElseThrow(ApiException::notFound);
  }

  private static UUID cursor(String cursor) {
    return vn.tangthu.archive.input.Cursors.uuid(cursor).orElse(null);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A page and the cursor of the next one (null at the end). */
  public record Page<T>(List<T> items, String nextCursor) {}
}
