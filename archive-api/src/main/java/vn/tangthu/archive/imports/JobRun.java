package vn.tangthu.archive.imports;

import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.intake.PackageReader;

/**
 * One pass over the items of a job that have no result yet, at most {@code parallelism} at a time
 * (memory: that many items in flight, whatever the package's size). It stops submitting items as
 * soon as {@code going} turns false (the node stops, the lease is lost, the job is cancelled) or an
 * item must be tried again later, and returns once every submitted item has ended.
 */
final class JobRun {

  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  private final ItemImport.Job job;
  private final PackageReader reader;
  private final ItemImport items;
  private final ExecutorService pool;
  private final int parallelism;
  private final BooleanSupplier going;
  private final AtomicBoolean retry = new AtomicBoolean();
  private final AtomicBoolean fenced = new AtomicBoolean();

  JobRun(
      ItemImport.Job job,
      PackageReader reader,
      ItemImport items,
      ExecutorService pool,
      int parallelism,
      BooleanSupplier going) {
    this.job = job;
    this.reader = reader;
    this.items = items;
    this.pool = pool;
    this.parallelism = parallelism;
    this.going = going;
  }

  /**
   * Runs every item not in {@code done}.
   *
   * @return true when no item asked to be tried again and the run was not stopped
   */
  boolean run(BitSet done, int total) throws InterruptedException {
    Semaphore permits = new Semaphore(parallelism);
    try {
      for (int i = done.nextClearBit(0); i < total; i = done.nextClearBit(i + 1)) {
        if (!proceeding()) {
          break;
        }
        permits.acquire();
        if (!proceeding()) {
          permits.release();
          break;
        }
        int index = i;
        pool.execute(
            () -> {
              try {
                one(index);
              } finally {
                permits.release();
              }
            });
      }
    } finally {
      permits.acquireUninterruptibly(parallelism);
      permits.release(parallelism);
    }
    return proceeding();
  }

  /** Whether the job's lease was lost while the run went on. */
  boolean fenced() {
    return fenced.get();
  }

  private boolean proceeding() {
    return !retry.get() && !fenced.get() && going.getAsBoolean();
  }

  private void one(int index) {
    try {
      if (items.run(job, reader, index, this::proceeding) == ItemImport.Result.RETRY) {
        retry.set(true);
      }
    } catch (ItemResults.Fenced e) {
      fenced.set(true);
    } catch (RuntimeException | Error e) {
      LOG.warn("Import {} item {} will be tried again: {}", job.id(), index, e.toString());
      retry.set(true);
    }
  }
}
