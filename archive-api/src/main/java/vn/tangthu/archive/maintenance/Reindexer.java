package vn.tangthu.archive.maintenance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.indexing.TextStage;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Rebuilds the search index from PostgreSQL and the stored text objects, without running Tika:
 * builds a new index beside the old one, commits it at the change-log position read before the scan
 * (later events are applied again by the worker; upserts are idempotent), then swaps it in. Records
 * whose text was never extracted get a fresh change-log event so the worker extracts them.
 */
public final class Reindexer {

  private static final int PAGE = 500;

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String derived;
  private final IndexDocuments documents;
  private final PrintStream progress;

  public Reindexer(
      Jdbi jdbi,
      ObjectStore store,
      String derived,
      IndexDocuments documents,
      PrintStream progress) {
    this.jdbi = jdbi;
    this.store = store;
    this.derived = derived;
    this.documents = documents;
    this.progress = progress;
  }

  /** Rebuilds {@code indexDir}; returns the number of documents indexed. */
  public long rebuild(Path indexDir) throws IOException {
    long head = jdbi.withExtension(OutboxDao.class, OutboxDao::head);
    long total =
        jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM records").mapTo(Long.class).one());
    Path fresh = indexDir.resolveSibling(indexDir.getFileName() + ".rebuild");
    deleteTree(fresh);
    long indexed = 0;
    long seen = 0;
    List<UUID> pending = new ArrayList<>();
    try (SearchIndex index = SearchIndex.open(fresh)) {
      UUID after = null;
      List<RecordRow> rows;
      do {
        UUID from = after;
        rows = jdbi.withExtension(RecordDao.class, d -> d.page(null, from, PAGE));
        Map<UUID, List<String>> grantees = grantees(rows);
        for (RecordRow r : rows) {
          after = r.id();
          seen++;
          if (!"ACTIVE".equals(r.status())) {
            continue;
          }
          if ("PENDING".equals(r.extractionStatus())) {
            pending.add(r.id());
          }
          index.upsert(documents.of(r, grantees.getOrDefault(r.id(), List.of()), text(r)));
          indexed++;
        }
        bar(seen, total);
      } while (rows.size() == PAGE);
      index.commit(head);
    }
    swap(fresh, indexDir);
    if (!pending.isEmpty()) {
      jdbi.useTransaction(
          h -> h.attach(OutboxDao.class).append(pending, "UPSERT", java.time.Instant.now()));
    }
    progress.printf(
        "%nIndexed %d of %d records at change-log position %d; %d await extraction.%n",
        indexed, total, head, pending.size());
    return indexed;
  }

  private TextStage.Text text(RecordRow r) {
    if (r.textKey() == null) {
      return new TextStage.Text("", false);
    }
    return new TextStage.Text(
        new String(store.read(derived, r.textKey()), StandardCharsets.UTF_8), false);
  }

  private Map<UUID, List<String>> grantees(List<RecordRow> rows) {
    Map<UUID, List<String>> out = new HashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    List<UUID> ids = rows.stream().map(RecordRow::id).toList();
    for (RecordDao.Grant g : jdbi.withExtension(RecordDao.class, d -> d.grants(ids))) {
      out.computeIfAbsent(g.recordId(), k -> new ArrayList<>()).add(g.username());
    }
    return out;
  }

  private void bar(long done, long total) {
    int width = 40;
    int filled = total == 0 ? width : (int) (width * done / total);
    progress.printf(
        "\r[%s%s] %3d%% %d/%d records",
        "#".repeat(filled),
        ".".repeat(width - filled),
        total == 0 ? 100 : done * 100 / total,
        done,
        total);
    progress.flush();
  }

  private static void swap(Path fresh, Path target) throws IOException {
    Path old = target.resolveSibling(target.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
