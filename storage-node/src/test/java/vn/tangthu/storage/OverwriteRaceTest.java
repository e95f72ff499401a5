package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * GETs racing PUT overwrites of the same keys (unversioned bucket: every overwrite removes the
 * previous version's data file) always answer one complete version, never an error.
 */
class OverwriteRaceTest {
  private static final int SIZE = 2048;
  private static final int KEYS = 2;

  /** A body that carries its own seed, so a reader can tell a whole version from a mix. */
  static byte[] body(long seed) {
    byte[] b = new byte[SIZE];
    new Random(seed).nextBytes(b);
    ByteBuffer.wrap(b).putLong(0, seed);
    return b;
  }

  static boolean wholeVersion(byte[] got) {
    return got.length == SIZE && Arrays.equals(got, body(ByteBuffer.wrap(got).getLong(0)));
  }

  @Test
  void getRacingOverwriteReturnsOldOrNewVersionNeverAnError() throws Exception {
    try (NodeFixture fx = new NodeFixture()) {
      MinioClient client = fx.client(NodeFixture.ALICE);
      client.makeBucket(MakeBucketArgs.builder().bucket("race").build());
      for (int k = 0; k < KEYS; k++) {
        put(client, "k" + k, 0);
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger gets = new AtomicInteger();
      Queue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        tasks.add(
            pool.submit(
                () -> {
                  try {
                    for (int i = 1; i <= 200; i++) {
                      put(client, "k" + (i % KEYS), writer * 1_000_000L + i);
                    }
                  } catch (Exception e) {
                    failures.add("PUT " + e);
                  } finally {
                    writing.set(false);
                  }
                  return null;
                }));
      }
      for (int r = 0; r < 4; r++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; writing.get(); i++) {
                    String key = "k" + (i % KEYS);
                    try (InputStream in =
                        client.getObject(
                            GetObjectArgs.builder().bucket("race").object(key).build())) {
                      byte[] got = in.readAllBytes();
                      gets.incrementAndGet();
                      if (!wholeVersion(got)) {
                        failures.add("GET " + key + " returned a mixed body");
                      }
                    } catch (Exception e) {
                      failures.add("GET " + key + ": " + e);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : tasks) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertThat(gets.get()).isGreaterThan(100);
      assertThat(failures).isEmpty();
    }
  }

  private static void put(MinioClient client, String key, long seed) throws Exception {
    byte[] b = body(seed);
    client.putObject(
        PutObjectArgs.builder().bucket("race").object(key).stream(
                new ByteArrayInputStream(b), b.length, -1)
            .build());
  }
}
