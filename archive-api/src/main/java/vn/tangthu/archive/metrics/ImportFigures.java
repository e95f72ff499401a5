package vn.tangthu.archive.metrics;

import java.util.List;
import java.util.Map;

/**
 * What bulk imports report to the metrics ({@code tangthu_imports{status}}, {@code
 * tangthu_import_items{outcome}}): supplied by the import feature through {@link
 * ArchiveMetrics#imports}, read with the other figures (so at most once per refresh); all zero
 * until an import feature supplies them. A status or outcome that is absent counts zero.
 *
 * @param jobs import jobs by status ({@link #JOB_STATUSES})
 * @param items the items of the jobs not finished yet (QUEUED or RUNNING) by outcome ({@link
 *     #ITEM_OUTCOMES}): {@code IMPORTED}, {@code DUPLICATE}, {@code FAILED} as recorded, {@code
 *     PENDING} for those without a result yet
 */
public record ImportFigures(Map<String, Long> jobs, Map<String, Long> items) {

  public static final List<String> JOB_STATUSES =
      List.of("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED");
  public static final List<String> ITEM_OUTCOMES =
      List.of("IMPORTED", "DUPLICATE", "FAILED", "PENDING");

  public static final ImportFigures NONE = new ImportFigures(Map.of(), Map.of());

  /** Copies the maps; refuses a status or outcome outside the lists and a negative count. */
  public ImportFigures {
    jobs = Map.copyOf(jobs);
    items = Map.copyOf(items);
    check(jobs, JOB_STATUSES);
    check(items, ITEM_OUTCOMES);
  }

  private static void check(Map<String, Long> counts, List<String> names) {
    counts.forEach(
        (k, v) -> {
          if (!names.contains(k) || v < 0) {
            throw new IllegalArgumentException("not a count of " + names + ": " + k + "=" + v);
          }
        });
  }

  public long job(String status) {
    return jobs.getOrDefault(status, 0L);
  }

  public long item(String outcome) {
    return items.getOrDefault(outcome, 0L);
  }
}
