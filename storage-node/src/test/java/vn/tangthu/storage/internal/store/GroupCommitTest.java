package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small writes share journal fsyncs, and what the journal acknowledged survives lost writes. */
class GroupCommitTest {
  @TempDir Path dir;

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static ObjectMeta put(DiskStore store, BucketMeta b, String key, byte[] data)
      throws Exception {
    StagedBlob blob = store.stage(new ByteArrayInputStream(data), Set.of());
    return store.put(
        b, key, blob, new NewObject(null, Map.of(), null, false, null), Precondition.NONE);
  }

  private static byte[] read(DiskStore store, String bucket, String key) throws Exception {
    ObjectMeta m = store.latest(bucket, key).orElseThrow();
    return Files.readAllBytes(store.dataPath(bucket, m));
  }

  private static String sha256(byte[] b) {
    return HexFormat.of().formatHex(Digests.newDigest("SHA-256").digest(b));
  }

  @Test
  void concurrentSmallPutsShareJournalFsyncs() throws Exception {
    try (DiskStore store = new DiskStore(dir, Clock.systemUTC())) {
      BucketMeta b = store.createBucket("gcb", "owner", false);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<ObjectMeta>> puts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        puts.add(pool.submit(() -> put(store, b, "k" + n, bytes(4096, n))));
      }
      for (Future<ObjectMeta> f : puts) {
        f.get();
      }
      pool.shutdown();
      long[] stats = store.groupCommitStats();
      assertThat(stats[1]).isEqualTo(200);
      assertThat(stats[0]).isLessThan(200);
      for (int i = 0; i < 200; i++) {
        assertThat(read(store, "gcb", "k" + i)).isEqualTo(bytes(4096, i));
      }
    }
  }

  @Test
  void writersThatAllSeeAFullJournalCheckpointItOnce() throws Exception {
    int size = 100 * 1024;
    int count = 400; // about 39 MiB of journal: two checkpoints of 16 MiB
    try (DiskStore store = new DiskStore(dir, Clock.systemUTC())) {
      BucketMeta b = store.createBucket("gcb", "owner", false);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<ObjectMeta>> puts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        puts.add(
            pool.submit(
                () -> {
                  byte[] data = bytes(size, n);
                  StagedBlob blob =
                      store.stageInMemory(new ByteArrayInputStream(data), size, Set.of());
                  return store.put(
                      b,
                      "k" + n,
                      blob,
                      new NewObject(null, Map.of(), null, false, null),
                      Precondition.NONE);
                }));
      }
      for (Future<ObjectMeta> f : puts) {
        f.get();
      }
      pool.shutdown();
      long[] stats = store.groupCommitStats();
      assertThat(stats[1]).isEqualTo(count);
      assertThat(stats[2]).isBetween(1L, 3L);
      for (int i = 0; i < count; i += 37) {
        assertThat(read(store, "gcb", "k" + i)).isEqualTo(bytes(size, i));
      }
    }
  }

  @Test
  void journaledWritesLostInPlaceAreReplayedAtStart() throws Exception {
    Path journal = dir.resolve("journal/objects.wal");
    byte[] first = bytes(1000, 1);
    byte[] second = bytes(2000, 2);
    DiskStore store = new DiskStore(dir, Clock.systemUTC());
    BucketMeta b = store.createBucket("gcb", "owner", false);
    put(store, b, "a/doc.pdf", first);
    ObjectMeta m = put(store, b, "a/doc.pdf", second);
    byte[] journaled = Files.readAllBytes(journal);
    // a crash before the checkpoint: the journal is durable, the in-place files were not
    store.close();
    Path node = store.dataPath("gcb", m).getParent();
    try (Stream<Path> s = Files.list(node)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.write(journal, journaled);
    Files.write(journal, new byte[] {0x54, 0x54, 0x4a}, StandardOpenOption.APPEND); // torn tail
    try (DiskStore reopened = new DiskStore(dir, Clock.systemUTC())) {
      ObjectMeta back = reopened.latest("gcb", "a/doc.pdf").orElseThrow();
      assertThat(back.versionId()).isEqualTo(m.versionId());
      assertThat(back.sha256()).isEqualTo(sha256(second));
      assertThat(read(reopened, "gcb", "a/doc.pdf")).isEqualTo(second);
      assertThat(reopened.versions("gcb", "a/doc.pdf")).hasSize(1);
      try (Stream<Path> s = Files.list(node)) {
        assertThat(s.filter(p -> p.toString().endsWith(".bin"))).hasSize(1);
      }
      assertThat(Files.size(journal)).isZero();
    }
  }

  @Test
  void deleteAfterJournaledPutIsNeverUndoneByReplay() throws Exception {
    DiskStore store = new DiskStore(dir, Clock.systemUTC());
    BucketMeta b = store.createBucket("gcb", "owner", false);
    put(store, b, "gone", bytes(100, 3));
    assertThat(Files.size(dir.resolve("journal/objects.wal"))).isPositive();
    store.delete(b, "gone", null, false);
    // the delete checkpointed the journal first: nothing is left to replay
    assertThat(Files.size(dir.resolve("journal/objects.wal"))).isZero();
    try (DiskStore reopened = new DiskStore(dir, Clock.systemUTC())) {
      assertThat(reopened.latest("gcb", "gone")).isEmpty();
    }
    store.close();
  }

  @Test
  void largeObjectsBypassTheJournal() throws Exception {
    try (DiskStore store = new DiskStore(dir, Clock.systemUTC())) {
      BucketMeta b = store.createBucket("gcb", "owner", false);
      byte[] big = bytes(DiskStore.JOURNALED_MAX + 1, 4);
      put(store, b, "big", big);
      assertThat(store.groupCommitStats()[1]).isZero();
      assertThat(read(store, "gcb", "big")).isEqualTo(big);
      assertThat(ByteBuffer.wrap(Files.readAllBytes(dir.resolve("journal/objects.wal"))))
          .isEqualTo(ByteBuffer.allocate(0));
    }
  }
}
