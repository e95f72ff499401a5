package vn.tangthu.archive.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The archive's own metrics, named {@code tangthu_*} in Dropwizard's registry (a dot before a
 * label's value: {@code tangthu_records.ACTIVE}, which the Prometheus exposition turns into {@code
 * tangthu_records{status="ACTIVE"}}; see {@link PrometheusMetrics}):
 *
 * <ul>
 *   <li>{@code tangthu_records.<status>}, {@code tangthu_record_bytes.<status>}: records and their
 *       originals' bytes by status ({@code ACTIVE}, {@code DISPOSED}, {@code TRANSFERRED});
 *   <li>{@code tangthu_ingests}, {@code tangthu_ingest_failures.refused|error}: ingest requests
 *       answered 2xx, 4xx and otherwise, on this node since it started (see {@link
 *       IngestCounting});
 *   <li>{@code tangthu_changelog_position}, {@code tangthu_index_position}, {@code
 *       tangthu_index_lag}: the newest change-log position, the one this node's index applied, and
 *       how many positions the index is behind;
 *   <li>{@code tangthu_extraction_queue}, {@code tangthu_extraction_failures}: active records whose
 *       text is still to be extracted, or could not be;
 *   <li>{@code tangthu_evidence_backlog}: active records not sealed into evidence yet;
 *   <li>{@code tangthu_sweeps.<status>}: disposition sweeps by status;
 *   <li>{@code tangthu_imports.<status>}: import jobs by status ({@code QUEUED}, {@code RUNNING},
 *       {@code DONE}, {@code FAILED}, {@code CANCELLED}); {@code tangthu_import_items.<outcome>}:
 *       the items of unfinished jobs by outcome ({@code IMPORTED}, {@code DUPLICATE}, {@code
 *       FAILED}, {@code PENDING}); as the import feature reports them through {@link #imports}
 *       (zero until then);
 *   <li>{@code tangthu_checks.QUEUED|RUNNING}: online checks not done yet.
 * </ul>
 *
 * Everything read from PostgreSQL comes from one {@link CachedFigures} snapshot, read at most once
 * per {@link #REFRESH}. Thread-safe.
 */
public final class ArchiveMetrics {

  /** How old the figures read from PostgreSQL may be. */
  public static final Duration REFRESH = Duration.ofSeconds(5);

  static final List<String> RECORD_STATUSES = List.of("ACTIVE", "DISPOSED", "TRANSFERRED");
  static final List<String> SWEEP_STATUSES =
      List.of("PLANNED", "APPROVED", "EXECUTING", "EXECUTED", "REJECTED");
  static final List<String> CHECK_STATUSES = List.of("QUEUED", "RUNNING");

  private final AtomicReference<Supplier<ImportFigures>> imports =
      new AtomicReference<>(() -> ImportFigures.NONE);
  private final CachedFigures figures;
  private final IngestCounting ingests;

  private ArchiveMetrics(Jdbi jdbi, Clock clock, MetricRegistry registry) {
    this.figures = new CachedFigures(jdbi, clock, REFRESH, () -> imports.get().get());
    this.ingests =
        new IngestCounting(
            registry.counter("tangthu_ingests"),
            registry.counter("tangthu_ingest_failures.refused"),
            registry.counter("tangthu_ingest_failures.error"));
  }

  /**
   * Registers the archive's metrics in {@code registry}.
   *
   * @param indexApplied the change-log position this node's index has applied
   */
  public static ArchiveMetrics register(
      MetricRegistry registry, Jdbi jdbi, LongSupplier indexApplied, Clock clock) {
    ArchiveMetrics m = new ArchiveMetrics(jdbi, clock, registry);
    CachedFigures figures = m.figures;
    for (String s : RECORD_STATUSES) {
      gauge(registry, "tangthu_records." + s, figures, f -> f.records().getOrDefault(s, 0L));
      gauge(registry, "tangthu_record_bytes." + s, figures, f -> f.bytes().getOrDefault(s, 0L));
    }
    gauge(registry, "tangthu_changelog_position", figures, Figures::changeLogHead);
    registry.gauge("tangthu_index_position", () -> (Gauge<Long>) indexApplied::getAsLong);
    gauge(
        registry,
        "tangthu_index_lag",
        figures,
        f -> Math.max(0, f.changeLogHead() - indexApplied.getAsLong()));
    gauge(registry, "tangthu_extraction_queue", figures, Figures::extractionQueue);
    gauge(registry, "tangthu_extraction_failures", figures, Figures::extractionFailures);
    gauge(registry, "tangthu_evidence_backlog", figures, Figures::evidenceBacklog);
    for (String s : SWEEP_STATUSES) {
      gauge(registry, "tangthu_sweeps." + s, figures, f -> f.sweeps().getOrDefault(s, 0L));
    }
    for (String s : ImportFigures.JOB_STATUSES) {
      gauge(registry, "tangthu_imports." + s, figures, f -> f.imports().job(s));
    }
    for (String o : ImportFigures.ITEM_OUTCOMES) {
      gauge(registry, "tangthu_import_items." + o, figures, f -> f.imports().item(o));
    }
    for (String s : CHECK_STATUSES) {
      gauge(registry, "tangthu_checks." + s, figures, f -> f.checks().getOrDefault(s, 0L));
    }
    return m;
  }

  private static void gauge(
      MetricRegistry registry, String name, CachedFigures figures, Function<Figures, Long> value) {
    registry.gauge(name, () -> (Gauge<Long>) () -> value.apply(figures.get()));
  }

  /**
   * Where the import feature's figures come from from now on; called at most once per {@link
   * #REFRESH}, so it may query PostgreSQL.
   */
  public void imports(Supplier<ImportFigures> source) {
    imports.set(Objects.requireNonNull(source, "source"));
  }

  /** The Jersey listener counting ingest requests; register it with Jersey. */
  public IngestCounting ingestCounting() {
    return ingests;
  }

  /** The current snapshot (read again when stale). */
  public Figures figures() {
    return figures.get();
  }
}
