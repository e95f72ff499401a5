package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background sweep that aborts abandoned multipart uploads (initiated more than {@code age} ago on
 * the store's clock), every {@code age / 4} bounded to [1 s, 1 h]. Thread-safe.
 */
public final class UploadSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);

  private final Multipart multipart;
  private final Duration age;
  private final ScheduledExecutorService timer;

  public UploadSweeper(DiskStore store, Duration age) {
    this.multipart = new Multipart(store);
    this.age = age;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "storage-upload-sweeper");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1000, Math.min(age.toMillis() / 4, Duration.ofHours(1).toMillis()));
    timer.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  /** Aborts the uploads older than the configured age now; returns how many. */
  public int sweep() throws IOException {
    return multipart.expire(age);
  }

  private void sweepQuietly() {
    try {
      int n = sweep();
      if (n > 0) {
        LOG.info("aborted {} abandoned multipart uploads older than {}", n, age);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("multipart upload sweep failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
