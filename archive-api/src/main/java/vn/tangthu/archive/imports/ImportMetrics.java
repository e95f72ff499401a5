package vn.tangthu.archive.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.metrics.ImportFigures;

/**
 * The import state the metrics publish ({@code tangthu_imports{status}}, {@code
 * tangthu_import_items{outcome}}), read from PostgreSQL in one transaction when the metrics ask (at
 * most once per their refresh): jobs by status, and the items of the unfinished jobs by outcome,
 * those without a result yet as {@code PENDING}. Only unfinished jobs' items are counted, so the
 * query stays small however many items finished jobs hold. Thread-safe.
 */
final class ImportMetrics implements Supplier<ImportFigures> {

  private final Jdbi jdbi;

  ImportMetrics(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public ImportFigures get() {
    return jdbi.inTransaction(
        h -> {
          ImportDao dao = h.attach(ImportDao.class);
          Map<String, Long> jobs = new HashMap<>();
          dao.jobsByStatus().forEach(c -> jobs.put(c.status(), c.n()));
          Map<String, Long> items = new HashMap<>();
          long recorded = 0;
          for (ImportDao.StatusCount c : dao.unfinishedItemsByStatus()) {
            items.put(c.status(), c.n());
            recorded += c.n();
          }
          items.put("PENDING", Math.max(0, dao.unfinishedItems() - recorded));
          return new ImportFigures(jobs, items);
        });
  }
}
