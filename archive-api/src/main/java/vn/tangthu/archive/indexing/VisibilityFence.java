package vn.tangthu.archive.indexing;

import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.error.ApiException;

/**
 * Keeps a search from returning a record to someone who can no longer read it, on every API node:
 * each change that narrows visibility commits with its change-log position in {@code
 * outbox_position.narrowed} ({@link OutboxDao#appendNarrowing}); before a search, {@link #pass}
 * reads that position (one primary-key read of a one-row table) and, when this node's index has not
 * applied it yet, wakes the node's indexer and waits for it. A change that has answered its client
 * has committed, so every search that starts afterwards, on any node, sees its position.
 * Thread-safe.
 *
 * <p>Only narrowing changes are waited for: a new record or a widened one may appear a moment later
 * (as after any ingest), which hides nothing it should not.
 */
public final class VisibilityFence {

  /** How long a search waits for its index before answering 503. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  /** {@link OutboxDao#narrowed()}, without attaching the whole DAO to every search's handle. */
  private static final String NARROWED = "SELECT narrowed FROM outbox_position WHERE id = 1";

  private final Jdbi jdbi;
  private final IndexerWorker worker;
  private final Duration maxWait;

  public VisibilityFence(Jdbi jdbi, IndexerWorker worker, Duration maxWait) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.worker = Objects.requireNonNull(worker, "worker");
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive");
    }
    this.maxWait = maxWait;
  }

  /**
   * Returns once this node's index reflects every visibility-narrowing change committed before the
   * call.
   *
   * @throws ApiException 503 {@code INDEX_CATCHING_UP} when the index has not caught up within the
   *     wait (the search is not run: it could return what is no longer visible)
   */
  public void pass() {
    long narrowed = jdbi.withHandle(h -> h.createQuery(NARROWED).mapTo(Long.class).one());
    if (worker.applied() >= narrowed) {
      return;
    }
    try {
      if (worker.awaitReflected(narrowed, maxWait)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw ApiException.of(
        503,
        "INDEX_CATCHING_UP",
        "This node's search index has not yet applied a recent change of access; try again"
            + " shortly.",
        "Chỉ mục tìm kiếm của máy chủ này chưa cập nhật một thay đổi quyền truy cập gần đây;"
            + " hãy thử lại sau giây lát.");
  }

  /** Seconds a client should wait before retrying a search refused by {@link #pass}. */
  public long retryAfterSeconds() {
    return Math.max(1, maxWait.toSeconds());
  }
}
