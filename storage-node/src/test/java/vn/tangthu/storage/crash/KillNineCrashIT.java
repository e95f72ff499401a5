package vn.tangthu.storage.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.tangthu.storage.internal.store.Scrubber;

/**
 * Opt-in ({@code -Pcrash-tests}): kills the standalone node with SIGKILL at random moments during
 * concurrent PUTs and multipart completes, restarts it, and checks that every acknowledged object
 * reads back with its SHA-256 and that nothing partial is visible.
 */
class KillNineCrashIT {
  private static final int ROUNDS = Integer.getInteger("crash.rounds", 50);

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void acknowledgedWritesSurviveKillNine() throws Exception {
    Path dir = Files.createTempDirectory("crash-data");
    Path log = Files.createTempFile("crash-node", ".log");
    int port = StandaloneNode.freePort();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    Random random = new Random(2026);
    long bytesChecked = 0;
    for (int round = 0; round < ROUNDS; round++) {
      StandaloneNode node = StandaloneNode.start(dir, port, "128m", log);
      MinioClient client =
          MinioClient.builder()
              .endpoint(node.endpoint.toString())
              .credentials(StandaloneNode.ACCESS, StandaloneNode.SECRET)
              .region("us-east-1")
              .build();
      if (round == 0) {
        client.makeBucket(MakeBucketArgs.builder().bucket("crash").build());
      }
      bytesChecked += verify(client, acknowledged);
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      final int r = round;
      for (int t = 0; t < 4; t++) {
        final int thread = t;
        pool.submit(
            () -> {
              Random rnd = new Random(r * 31L + thread);
              for (int i = 0; !stop.get(); i++) {
                String key = "r" + r + "/t" + thread + "/" + i + (rnd.nextBoolean() ? "" : "/x");
                boolean multipart = thread == 0 && i % 3 == 0;
                byte[] data =
                    new byte
                        [multipart ? 5 * 1024 * 1024 + rnd.nextInt(100_000) : rnd.nextInt(200_000)];
                rnd.nextBytes(data);
                try {
                  String sha = sha256(data);
                  client.putObject(
                      PutObjectArgs.builder().bucket("crash").object(key).stream(
                              new ByteArrayInputStream(data),
                              multipart ? -1 : data.length,
                              multipart ? 5L * 1024 * 1024 : -1)
                          .userMetadata(Map.of("sha256", sha))
                          .build());
                  acknowledged.put(key, sha);
                  // overwrite an older acknowledged key now and then
                  if (rnd.nextInt(5) == 0 && !acknowledged.isEmpty()) {
                    String old = acknowledged.keySet().iterator().next();
                    byte[] again = new byte[rnd.nextInt(50_000)];
                    rnd.nextBytes(again);
                    String sha2 = sha256(again);
                    acknowledged.remove(old);
                    client.putObject(
                        PutObjectArgs.builder().bucket("crash").object(old).stream(
                                new ByteArrayInputStream(again), again.length, -1)
                            .userMetadata(Map.of("sha256", sha2))
                            .build());
                    acknowledged.put(old, sha2);
                  }
                } catch (Exception killed) {
                  return null;
                }
              }
              return null;
            });
      }
      Thread.sleep(800 + random.nextInt(2000));
      node.kill();
      stop.set(true);
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
    }
    StandaloneNode node = StandaloneNode.start(dir, port, "128m", log);
    try {
      MinioClient client =
          MinioClient.builder()
              .endpoint(node.endpoint.toString())
              .credentials(StandaloneNode.ACCESS, StandaloneNode.SECRET)
              .region("us-east-1")
              .build();
      bytesChecked += verify(client, acknowledged);
    } finally {
      node.close();
    }
    assertThat(acknowledged).hasSizeGreaterThan(ROUNDS);
    Scrubber.Report report = new Scrubber(dir).scrub(line -> {});
    assertThat(report.corrupt()).isEmpty();
    assertThat(report.missing()).isEmpty();
    System.out.printf(
        "crash test: %d rounds, %d acknowledged objects, %d bytes verified%n",
        ROUNDS, acknowledged.size(), bytesChecked);
  }

  /** Every acknowledged key reads back intact; every listed object matches its recorded SHA-256. */
  private static long verify(MinioClient client, Map<String, String> acknowledged)
      throws Exception {
    long bytes = 0;
    for (var e : acknowledged.entrySet()) {
      try (InputStream in =
          client.getObject(GetObjectArgs.builder().bucket("crash").object(e.getKey()).build())) {
        byte[] data = in.readAllBytes();
        bytes += data.length;
        assertThat(sha256(data)).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
    List<String> listed = new ArrayList<>();
    for (Result<Item> r :
        client.listObjects(ListObjectsArgs.builder().bucket("crash").recursive(true).build())) {
      listed.add(r.get().objectName());
    }
    for (String key : listed) {
      StatObjectResponse st =
          client.statObject(StatObjectArgs.builder().bucket("crash").object(key).build());
      try (InputStream in =
          client.getObject(GetObjectArgs.builder().bucket("crash").object(key).build())) {
        assertThat(sha256(in.readAllBytes()))
            .as("listed " + key)
            .isEqualTo(st.userMetadata().get("sha256"));
      }
    }
    assertThat(listed).containsAll(acknowledged.keySet());
    return bytes;
  }
}
